/**
 * `vss segment <video|frames-dir> --mode per-frame|dff|adaptive|fused --out <dir> [...]`: segments
 * every frame in the engine worker and writes <out>/labels/*.png, <out>/confidence/*.png and
 * <out>/summary.json (atomically). --realtime feeds the frames at the source's frame rate (or
 * --realtime-fps), as a camera would: streaming use, where adaptive defaults to the low-latency
 * schedule. Progress (fps, ETA) on stderr when it is a TTY or with --progress; Ctrl+C cancels
 * cleanly (no output folder is left). Prints one JSON line at the end.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { flagInt, flagNumber, flagString, parseArgs, requireFlag } from '../args.ts';
import type { CliCommand, CliIO } from '../command.ts';
import { ValidationError } from '../../shared/validate.ts';
import { VssError } from '../../core/errors.ts';
import { createVideoService } from '../../backend/video/service.ts';
import type { ExecutionProvider } from '../../engine/model/session.ts';
import type { DisPreset } from '../../engine/flow/dis-options.ts';
import type { FusionKind, ModeName } from '../../engine/modes/types.ts';
import { checkOutput } from '../../engine/segment/output-dir.ts';
import { segmentSettings } from '../../engine/segment/settings.ts';
import type { SegmentProgress } from '../../engine/segment/types.ts';
import { EngineClient } from '../../engine/worker/client.ts';
import { pacedSource, videoFrameSource } from '../../engine/worker/video-source.ts';

const USAGE =
  'vss segment <video|frames-dir> --mode per-frame|dff|adaptive|fused --out <dir> [--model <bundle-dir>] [--key-interval K] ' +
  '[--target-interval T] [--threshold X] [--max-interval M] [--low-latency|--no-low-latency] [--realtime [--realtime-fps F]] ' +
  '[--fusion causal|bidirectional] [--window W] [--fuse-current A] [--fuse-previous B] [--preset ultrafast|fast|medium] ' +
  '[--flow-scale S] [--ep cpu|cuda|dml|coreml] [--threads N] [--no-tc] [--force] [--progress]';

function progressLine(p: SegmentProgress): string {
  const eta = Number.isFinite(p.etaSec) ? `${Math.round(p.etaSec)} s` : '?';
  return `segment: ${p.done}/${p.total} frames, ${p.fps.toFixed(1)} fps, ETA ${eta}`;
}

async function showProgress(run: AsyncIterable<SegmentProgress>, io: CliIO, tty: boolean): Promise<void> {
  let last = 0;
  for await (const p of run) {
    const now = performance.now();
    if (tty) process.stderr.write(`\r${progressLine(p)}\x1b[K`);
    else if (now - last > 1000 || p.done === p.total) {
      io.err(progressLine(p));
      last = now;
    }
  }
  if (tty) process.stderr.write('\n');
}

export const segmentCommand: CliCommand = {
  name: 'segment',
  usage: USAGE,
  summary: 'semantic segmentation of every frame (per-frame, Deep Feature Flow, adaptive low-latency, temporal fusion)',
  switches: ['force', 'progress', 'no-tc', 'low-latency', 'no-low-latency', 'realtime'],
  async run(argv, io) {
    const args = parseArgs(argv, this.switches);
    const input = args.positionals[0];
    if (!input || args.positionals.length > 1) throw new ValidationError(`usage: ${USAGE}`);
    const mode = requireFlag(args, 'mode') as ModeName;
    const out = resolve(requireFlag(args, 'out'));
    const force = args.flags.has('force');
    const model = flagString(args, 'model');
    if (args.flags.has('low-latency') && args.flags.has('no-low-latency')) throw new ValidationError('--low-latency and --no-low-latency exclude each other');
    const realtime = args.flags.has('realtime');
    const realtimeFps = flagNumber(args, 'realtime-fps');
    if (realtimeFps !== undefined && !realtime) throw new ValidationError('--realtime-fps needs --realtime');
    if (realtimeFps !== undefined && !(realtimeFps > 0 && realtimeFps <= 1000)) throw new ValidationError(`--realtime-fps must be in (0, 1000], got ${realtimeFps}`);
    const settings = segmentSettings({
      mode,
      model: model === undefined ? undefined : resolve(model),
      keyInterval: flagInt(args, 'key-interval'),
      targetInterval: flagNumber(args, 'target-interval'),
      threshold: flagNumber(args, 'threshold'),
      maxInterval: flagInt(args, 'max-interval'),
      lowLatency: args.flags.has('low-latency') ? true : args.flags.has('no-low-latency') ? false : undefined,
      realtime: realtime || undefined,
      fusion: flagString(args, 'fusion') as FusionKind | undefined,
      window: flagInt(args, 'window'),
      fuseCurrent: flagNumber(args, 'fuse-current'),
      fusePrevious: flagNumber(args, 'fuse-previous'),
      preset: flagString(args, 'preset') as DisPreset | undefined,
      executionProvider: flagString(args, 'ep') as ExecutionProvider | undefined,
      threads: flagInt(args, 'threads'),
      flowScale: flagNumber(args, 'flow-scale'),
      tc: args.flags.has('no-tc') ? false : undefined,
    });
    if (model === undefined && !existsSync(join(settings.model, 'model.json'))) {
      throw new VssError('NOT_FOUND', `the default model is not installed (${settings.model}); pass --model <bundle-dir>`);
    }
    await checkOutput(out, force);
    const svc = createVideoService();
    const abortOnSigint = (): void => run?.cancel();
    let run: ReturnType<EngineClient['start']> | undefined;
    process.once('SIGINT', abortOnSigint);
    try {
      const info = await svc.open(input);
      const rate = realtimeFps ?? info.fps;
      if (realtime && !(rate > 0 && Number.isFinite(rate))) throw new ValidationError(`--realtime: the source has no usable frame rate (${rate}); pass --realtime-fps F`);
      const frames = realtime ? pacedSource(videoFrameSource(svc, info), rate) : videoFrameSource(svc, info);
      run = new EngineClient().start({ settings, out, force, source: info.path, total: info.frameCount }, frames);
      run.loaded.then(({ notes }) => notes.forEach((n) => io.err(`vss segment: note: ${n}`)), () => undefined);
      const tty = process.stderr.isTTY === true;
      const shown = tty || args.flags.has('progress') ? showProgress(run, io, tty) : Promise.resolve();
      const summary = await run.result;
      await shown;
      io.out(
        JSON.stringify({
          out,
          mode: summary.mode,
          model: summary.model.name,
          frames: summary.frames,
          fps: summary.fps,
          latencyMs: summary.latencyMs,
          keyFrames: summary.keyFrames.length,
          tc: summary.tc,
          executionProvider: summary.executionProvider,
          notes: summary.notes,
        }),
      );
      return 0;
    } finally {
      process.removeListener('SIGINT', abortOnSigint);
      await svc.dispose();
    }
  },
};
