/** `vss probe <video|frames-dir> [--timestamps]`: size, rate, exact frame count and problems of a source. */
import type { CliCommand } from '../command.ts';
import { fields, num } from '../output.ts';
import { createVideoService } from '../../backend/video/service.ts';
import { VERIFY_OPTION } from './shared-options.ts';

export const probeCommand: CliCommand = {
  name: 'probe',
  summary: 'size, fps, exact frame count, codec, duration, VFR, rotation and warnings of a video or frames folder',
  positionals: [{ name: 'video|frames-dir' }],
  options: [{ name: 'timestamps', kind: 'switch', help: 'also list every frame timestamp (seconds)' }, VERIFY_OPTION],
  examples: ['vss probe clip.mp4', 'vss probe frames/ --json', 'vss probe clip.mp4 --timestamps --verify packets'],
  async run(args) {
    const svc = createVideoService({ verify: args.string('verify') as 'full' | 'packets' });
    try {
      const info = await svc.open(args.positionals[0]!);
      const out: Record<string, unknown> = {
        path: info.path,
        kind: info.kind,
        width: info.width,
        height: info.height,
        fps: info.fps,
        frameCount: info.frameCount,
        codec: info.codec,
        durationSec: info.durationSec,
        variableFrameRate: info.variableFrameRate,
        rotation: info.rotation,
        warnings: info.warnings,
        badFrames: info.badFrames,
      };
      if (info.kind === 'frames') out.frameNames = info.frameNames;
      if (args.flag('timestamps')) out.timestamps = info.timestamps;
      const text = fields([
        ['path', info.path],
        ['kind', info.kind],
        ['size', `${info.width}x${info.height}`],
        ['fps', `${num(info.fps)}${info.variableFrameRate ? ' (variable)' : ''}`],
        ['frames', info.frameCount],
        ['codec', info.codec],
        ['duration', `${num(info.durationSec)} s`],
        ['rotation', info.rotation ? `${info.rotation}°` : undefined],
        ['bad frames', info.badFrames.length ? info.badFrames.join(', ') : undefined],
        ...info.warnings.map((w): [string, string] => ['warning', w]),
        ['timestamps', args.flag('timestamps') ? info.timestamps.map((t) => num(t, 6)).join(' ') : undefined],
      ]);
      return { data: out, text };
    } finally {
      await svc.dispose();
    }
  },
};
