/**
 * `vss export <project-dir> --format <f> --track <name|id|corrected> --out <dir> [--from N --to M]`:
 * exports a track and prints one JSON line (the ExportResult); progress goes to stderr.
 */
import { flagInt, flagNumber, flagString, parseArgs, requireFlag } from '../args.ts';
import type { CliCommand } from '../command.ts';
import { ValidationError } from '../../shared/validate.ts';
import { VssError } from '../../core/errors.ts';
import { openProject } from '../../backend/project/open.ts';
import { exportTrack } from '../../backend/export/run-export.ts';
import { EXPORT_FORMATS, type ExportFormat, type FrameSource } from '../../backend/export/types.ts';
import { createVideoService } from '../../backend/video/service.ts';

export const exportCommand: CliCommand = {
  name: 'export',
  usage: `vss export <project-dir> --format ${EXPORT_FORMATS.join('|')} --track <name|id|corrected> --out <dir> [--from N --to M] [--overwrite] [--images] [--fps F] [--opacity A] [--split S --city C]`,
  summary: 'export a track (label ids, colours, Cityscapes, CVAT masks, COCO RLE, overlay MP4); one JSON line',
  switches: ['overwrite', 'images'],
  async run(argv, io) {
    const args = parseArgs(argv, this.switches);
    const dir = args.positionals[0];
    if (!dir || args.positionals.length > 1) throw new ValidationError(`usage: ${this.usage}`);
    const format = requireFlag(args, 'format');
    if (!(EXPORT_FORMATS as readonly string[]).includes(format)) throw new ValidationError(`unknown format "${format}" (use ${EXPORT_FORMATS.join(', ')})`);
    const track = requireFlag(args, 'track');
    const out = requireFlag(args, 'out');
    const from = flagInt(args, 'from');
    const to = flagInt(args, 'to');
    const project = await openProject(dir);
    const needsVideo = format === 'video' || (args.flags.has('images') && (format === 'cityscapes' || format === 'coco'));
    const svc = needsVideo ? createVideoService({ verify: 'packets' }) : null;
    try {
      let frames: FrameSource | undefined;
      let fps = flagNumber(args, 'fps');
      if (svc) {
        if (project.videoMissing) throw new VssError('NOT_FOUND', project.videoProblem ?? 'the project video is missing');
        const info = await svc.open(project.videoPath);
        fps ??= info.fps;
        frames = async (i) => {
          if (i >= info.frameCount) throw new VssError('OUT_OF_RANGE', `video frame ${i} is past the end of the video (${info.frameCount} frames)`);
          return svc.frame(info.id, i);
        };
      }
      let last = -1;
      const result = await exportTrack(project, {
        format: format as ExportFormat,
        track,
        out,
        ...(from !== undefined ? { from } : {}),
        ...(to !== undefined ? { to } : {}),
        overwrite: args.flags.has('overwrite'),
        ...(frames ? { frames } : {}),
        ...(fps !== undefined ? { fps } : {}),
        ...(flagNumber(args, 'opacity') !== undefined ? { opacity: flagNumber(args, 'opacity')! } : {}),
        ...(flagString(args, 'split') ? { split: flagString(args, 'split')! } : {}),
        ...(flagString(args, 'city') ? { city: flagString(args, 'city')! } : {}),
        onProgress: (p) => {
          const pct = Math.floor((100 * p.done) / p.total);
          if (pct !== last && (pct % 10 === 0 || p.done === p.total)) io.err(`export ${p.format}: ${p.done}/${p.total} frames`);
          last = pct;
        },
      });
      io.out(JSON.stringify(result));
      return 0;
    } finally {
      await svc?.dispose();
    }
  },
};
