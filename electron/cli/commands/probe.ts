/** `vss probe <video|frames-dir> [--timestamps]`: one JSON line describing the source. */
import { flagString, parseArgs } from '../args.ts';
import type { CliCommand } from '../command.ts';
import { ValidationError } from '../../shared/validate.ts';
import { createVideoService } from '../../backend/video/service.ts';

export const probeCommand: CliCommand = {
  name: 'probe',
  usage: 'vss probe <video|frames-dir> [--timestamps] [--verify full|packets]',
  summary: 'print one JSON line: size, fps, exact frame count, codec, duration, VFR, rotation, warnings',
  switches: ['timestamps'],
  async run(argv, io) {
    const args = parseArgs(argv, this.switches);
    const path = args.positionals[0];
    if (!path || args.positionals.length > 1) throw new ValidationError(`usage: ${this.usage}`);
    const verify = flagString(args, 'verify') ?? 'full';
    if (verify !== 'full' && verify !== 'packets') throw new ValidationError('--verify must be "full" or "packets"');
    const svc = createVideoService({ verify });
    try {
      const info = await svc.open(path);
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
      if (args.flags.has('timestamps')) out.timestamps = info.timestamps;
      io.out(JSON.stringify(out));
      return 0;
    } finally {
      await svc.dispose();
    }
  },
};
