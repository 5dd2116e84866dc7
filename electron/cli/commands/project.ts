/**
 * `vss project <video|frames-dir>`: the folder of the video's automatic project, the one the review
 * host (and the desktop app when VSS_HOME is set) opens for it, created as the app would create
 * it when there is none. One JSON line, so scripts can chain `vss project`, `vss import` and
 * `vss export`.
 */
import type { CliCommand } from '../command.ts';
import { fields } from '../output.ts';
import { resolveDataDir } from '../../backend/recent.ts';
import { createVideoService } from '../../backend/video/service.ts';
import { autoProject, modelClasses } from '../../backend/workspace/project-home.ts';

export const projectCommand: CliCommand = {
  name: 'project',
  summary: "print (and create if needed) the project folder the app uses for a video, as one JSON line",
  description:
    'The folder is <VSS_HOME>/projects/<name>-<hash> (VSS_HOME defaults to ~/.vss-studio; the desktop app uses its own data folder unless VSS_HOME is set). ' +
    'A new project gets its classes from --model, as the app does with its default model.',
  positionals: [{ name: 'video|frames-dir' }],
  options: [
    { name: 'model', kind: 'string', value: 'dir', defaultText: 'the default model bundle', help: 'model bundle whose classes a new project gets' },
    { name: 'fps', kind: 'number', value: 'F', min: 0, minExclusive: true, max: 1000, defaultText: "the folder's default", help: 'frames folder: the frame rate a new project records' },
  ],
  examples: ['vss project clip.mp4', 'dir=$(vss project clip.mp4 | jq -r .dir) && vss import "$dir" --format coco --from gt.json --as-track ground-truth'],
  async run(args) {
    const path = args.positionals[0]!;
    const model = args.string('model');
    const fps = args.number('fps');
    const { project, created } = await autoProject(resolveDataDir(), path, async () => {
      const svc = createVideoService({ maxRuns: 1 });
      try {
        const video = await svc.open(path, { fps });
        const { classes, ignoreIndex } = await modelClasses(model);
        return { videoPath: video.path, classes, ignoreIndex, frameCount: video.frameCount, ...(fps === undefined ? {} : { fps }) };
      } finally {
        await svc.dispose();
      }
    });
    const data = { dir: project.dir, created, video: project.videoPath, classes: project.classes.length, tracks: project.tracks.map((t) => ({ id: t.id, name: t.name })) };
    const text = fields([['dir', project.dir], ['created', created ? 'yes' : 'no (it existed)'], ['video', project.videoPath], ['tracks', data.tracks.map((t) => t.id).join(', ') || 'none']]);
    return { data, text };
  },
};
