/**
 * `vss export <project-dir> --format <f> --track <name|id|corrected> --out <dir>`: exports a track.
 * The export is written to a temp folder and renamed into place; Ctrl+C removes the temp folder.
 * Progress goes to stderr (a bar with fps and ETA on a terminal).
 */
import type { CliCommand } from '../command.ts';
import { fields } from '../output.ts';
import { Progress } from '../progress.ts';
import { VssError } from '../../core/errors.ts';
import { openProject } from '../../backend/project/open.ts';
import { exportTrack } from '../../backend/export/run-export.ts';
import { EXPORT_FORMATS, type ExportFormat, type ExportOptions, type FrameSource } from '../../backend/export/types.ts';
import { createVideoService, type VideoServiceExt } from '../../backend/video/service.ts';
import type { ParsedArgs } from '../args.ts';
import { OUT_DIR_OPTION } from './shared-options.ts';

/** The project video as a frame source, and its frame rate (a frames folder's as set in the project). */
async function videoFrames(svc: VideoServiceExt, project: Awaited<ReturnType<typeof openProject>>): Promise<{ frames: FrameSource; fps: number }> {
  if (project.videoMissing) throw new VssError('NOT_FOUND', project.videoProblem ?? 'the project video is missing');
  const info = await svc.open(project.videoPath, { fps: project.frameRate });
  const frames: FrameSource = async (i) => {
    if (i >= info.frameCount) throw new VssError('OUT_OF_RANGE', `video frame ${i} is past the end of the video (${info.frameCount} frames)`);
    return svc.frame(info.id, i);
  };
  return { frames, fps: info.fps };
}

/** The flags that pass straight through to exportTrack. */
function passThrough(args: ParsedArgs): Partial<ExportOptions> {
  const o: Partial<ExportOptions> = {};
  const from = args.number('from');
  const to = args.number('to');
  if (from !== undefined) o.from = from;
  if (to !== undefined) o.to = to;
  o.opacity = args.number('opacity')!;
  o.split = args.string('split')!;
  o.city = args.string('city')!;
  return o;
}

export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'export a track: label ids, colours, Cityscapes, CVAT masks, COCO RLE or an overlay MP4',
  description: 'Formats are described in docs/export-formats.md. The output appears only when complete (temp folder, then rename).',
  positionals: [{ name: 'project-dir' }],
  cancellable: true,
  options: [
    { name: 'format', kind: 'string', choices: EXPORT_FORMATS, required: true, help: 'what to write' },
    { name: 'track', kind: 'string', value: 'name|id|corrected', required: true, help: 'track to export; "corrected" = the engine track with your corrections' },
    OUT_DIR_OPTION,
    { name: 'from', kind: 'int', value: 'N', min: 0, defaultText: 'first frame', help: 'first frame (0-based, inclusive)' },
    { name: 'to', kind: 'int', value: 'M', min: 0, defaultText: 'last frame', help: 'last frame (inclusive)' },
    { name: 'overwrite', kind: 'switch', help: 'replace a non-empty --out folder (or an existing --zip archive)' },
    { name: 'zip', kind: 'switch', help: 'write one ZIP archive --out[.zip] instead of a folder (cvat: ready to upload to CVAT; not for video)' },
    { name: 'images', kind: 'switch', help: 'cityscapes, coco: also write the video frames' },
    { name: 'fps', kind: 'number', value: 'F', min: 0, minExclusive: true, max: 1000, defaultText: "the project video's (a frames folder's as set in the project)", help: 'video: frame rate of the MP4' },
    { name: 'opacity', kind: 'number', value: 'A', min: 0, max: 1, default: 0.5, help: 'video: label opacity over the frames' },
    { name: 'split', kind: 'string', value: 'name', default: 'train', help: 'cityscapes: split folder' },
    { name: 'city', kind: 'string', value: 'name', default: 'vss', help: 'cityscapes: city folder' },
  ],
  examples: [
    'vss export ~/.vss-studio/projects/clip-1a2b --format labels --track corrected --out labels/',
    'vss export proj --format cvat --track corrected --zip --out task.zip',
    'vss export proj --format video --track engine --out overlay/ --opacity 0.6',
    'vss export proj --format cityscapes --track corrected --images --split val --city berlin --out cs/',
  ],
  async run(args, { io, signal }) {
    const format = args.need('format') as ExportFormat;
    const project = await openProject(args.positionals[0]!);
    const needsVideo = format === 'video' || (args.flag('images') && (format === 'cityscapes' || format === 'coco'));
    const svc = needsVideo ? createVideoService({ verify: 'packets' }) : null;
    const progress = new Progress(`export ${format}`, io, { lines: true });
    try {
      const video = svc ? await videoFrames(svc, project) : undefined;
      const fps = args.number('fps') ?? video?.fps;
      const result = await exportTrack(project, {
        format,
        track: args.need('track'),
        out: args.need('out'),
        overwrite: args.flag('overwrite'),
        zip: args.flag('zip'),
        ...passThrough(args),
        ...(video ? { frames: video.frames } : {}),
        ...(fps !== undefined ? { fps } : {}),
        onProgress: (p) => progress.update(p),
        signal,
      });
      progress.finish();
      const text = fields([['exported', `${result.frames} frames of track ${result.trackId}${result.corrected ? ' (with corrections)' : ''} as ${result.format}`], ['to', result.out], ['files', result.files.join(', ') || undefined]]);
      return { data: result, text };
    } finally {
      progress.finish();
      await svc?.dispose();
    }
  },
};
