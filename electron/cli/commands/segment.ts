/**
 * `vss segment <video|frames-dir> --out <dir>`: segments every frame in the engine worker and
 * writes <out>/labels/*.png, <out>/confidence/*.png and <out>/summary.json (atomically: a temp
 * folder renamed at the end). --realtime feeds the frames at the source's frame rate (or
 * --realtime-fps), as a camera would: streaming use, where adaptive defaults to the low-latency
 * schedule. Progress (fps, ETA) on stderr; Ctrl+C cancels and removes the temp folder.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UsageError, type ParsedArgs } from '../args.ts';
import type { CliCommand, CommandResult } from '../command.ts';
import { fields, num } from '../output.ts';
import { Progress } from '../progress.ts';
import { ValidationError } from '../../core/errors.ts';
import { VssError } from '../../core/errors.ts';
import { createVideoService } from '../../backend/video/service.ts';
import { defaultModelDir, modelsRoot } from '../../backend/workspace/engine-models.ts';
import { settingDef, SETTING_KEYS, type EngineMode, type EngineSettings } from '../../core/engine-settings.ts';
import { checkOutput } from '../../engine/segment/output-dir.ts';
import { segmentSettings } from '../../engine/segment/settings.ts';
import type { SegmentSettings, SegmentSummary } from '../../engine/segment/types.ts';
import { EngineClient } from '../../engine/worker/client.ts';
import { pacedSource, videoFrameSource } from '../../engine/worker/video-source.ts';
import { ENGINE_OPTIONS, RUN_OPTIONS } from './segment-options.ts';

/** The table settings given on the command line (defaults filled in by the parser). */
function tableSettings(args: ParsedArgs): EngineSettings {
  const out: Record<string, unknown> = {};
  for (const k of SETTING_KEYS) {
    const d = settingDef(k);
    if (d.kind === 'switch' && d.negatable && args.flag(d.flag) && args.flag(`no-${d.flag}`)) throw new UsageError(`--${d.flag} and --no-${d.flag} exclude each other`);
    const v = d.kind === 'switch' ? (args.flag(d.flag) ? true : args.flag(`no-${d.flag}`) ? false : undefined) : d.kind === 'choice' ? args.string(d.flag) : args.number(d.flag);
    if (v !== undefined) out[k] = v;
  }
  return out as EngineSettings;
}

/** The engine settings from the flags; a bad combination or range is a usage error. */
export function settingsFrom(args: ParsedArgs): SegmentSettings {
  if (args.has('realtime-fps') && !args.flag('realtime')) throw new UsageError('--realtime-fps needs --realtime');
  const model = args.string('model');
  try {
    return segmentSettings({
      ...tableSettings(args),
      mode: args.string('mode') as EngineMode,
      model: model === undefined ? defaultModelDir(modelsRoot()) : resolve(model),
      realtime: args.flag('realtime') || undefined,
      tc: args.flag('no-tc') ? false : undefined,
    });
  } catch (e) {
    throw e instanceof ValidationError ? new UsageError(e.message) : e;
  }
}

function report(out: string, s: SegmentSummary): CommandResult {
  const data = { out, mode: s.mode, model: s.model.name, frames: s.frames, fps: s.fps, latencyMs: s.latencyMs, keyFrames: s.keyFrames.length, tc: s.tc, executionProvider: s.executionProvider, notes: s.notes };
  const text = fields([
    ['written', out],
    ['mode', s.mode],
    ['model', `${s.model.name} (${s.executionProvider})`],
    ['frames', `${s.frames}${s.mode === 'per-frame' ? '' : `, ${s.keyFrames.length} key frames`}`],
    ['speed', `${num(s.fps, 1)} fps`],
    ['temporal consistency', s.tc === null ? undefined : num(s.tc)],
  ]);
  return { data, text };
}

export const segmentCommand: CliCommand = {
  name: 'segment',
  summary: 'semantic segmentation of every frame (per-frame, Deep Feature Flow, adaptive low-latency, temporal fusion)',
  description: 'Every engine setting is explained in electron/engine/modes/README.md.',
  positionals: [{ name: 'video|frames-dir' }],
  cancellable: true,
  options: [...RUN_OPTIONS, ...ENGINE_OPTIONS],
  examples: [
    'vss segment clip.mp4 --out runs/clip',
    'vss segment clip.mp4 --mode dff --key-interval 5 --out runs/clip-dff',
    'vss segment frames/ --mode fused --fusion causal --model native-models/camvid-lite --out runs/fused --json',
    'vss segment clip.mp4 --mode adaptive --realtime --out runs/live',
  ],
  async run(args, { io, signal }) {
    const settings = settingsFrom(args);
    const out = resolve(args.need('out'));
    const force = args.flag('force');
    if (!args.has('model') && !existsSync(join(settings.model, 'model.json'))) {
      throw new VssError('NOT_FOUND', `the default model is not installed (${settings.model}); pass --model <bundle-dir>`);
    }
    await checkOutput(out, force);
    const svc = createVideoService();
    let run: ReturnType<EngineClient['start']> | undefined;
    const cancel = (): void => run?.cancel();
    signal.addEventListener('abort', cancel);
    const progress = new Progress('segment', io, { lines: args.flag('progress') });
    try {
      const info = await svc.open(args.positionals[0]!);
      signal.throwIfAborted();
      const rate = args.number('realtime-fps') ?? info.fps;
      if (settings.realtime && !(rate > 0 && Number.isFinite(rate))) throw new UsageError(`--realtime: the source has no usable frame rate (${rate}); pass --realtime-fps F`);
      const frames = settings.realtime ? pacedSource(videoFrameSource(svc, info), rate) : videoFrameSource(svc, info);
      const started = new EngineClient().start({ settings, out, force, source: info.path, total: info.frameCount }, frames);
      run = started;
      started.loaded.then(({ notes }) => notes.forEach((n) => io.err(`vss segment: note: ${n}`)), () => undefined);
      const shown = (async () => {
        for await (const p of started) progress.update(p);
      })();
      const summary = await started.result;
      await shown;
      progress.finish();
      return report(out, summary);
    } finally {
      progress.finish();
      signal.removeEventListener('abort', cancel);
      await svc.dispose();
    }
  },
};
