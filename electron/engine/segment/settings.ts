/** Segment settings with their defaults and range checks (shared by the CLI, bench and eval). */
import { join } from 'node:path';
import { packageRoot } from '../../shared/package-root.ts';
import { ValidationError } from '../../core/errors.ts';
import { DIS_PRESET_NAMES } from '../flow/dis-options.ts';
import { EXECUTION_PROVIDERS } from '../model/session.ts';
import { MODE_DEFAULTS, MODE_NAMES } from '../modes/types.ts';
import type { SegmentSettings } from './types.ts';

/** The default model bundle, resolved from the package root (not the working directory), also in a bundle. */
export const DEFAULT_MODEL_DIR = join(packageRoot(), 'native-models', 'camvid-lite');

function intIn(v: number, name: string, min: number, max: number): void {
  if (!Number.isInteger(v) || v < min || v > max) throw new ValidationError(`--${name} must be an integer ${min}..${max}, got ${v}`);
}

export function segmentSettings(p: Partial<SegmentSettings> = {}): SegmentSettings {
  const targetInterval = p.targetInterval ?? MODE_DEFAULTS.targetInterval;
  const s: SegmentSettings = {
    ...MODE_DEFAULTS,
    maxInterval: Math.max(2, 2 * Math.round(targetInterval)),
    model: DEFAULT_MODEL_DIR,
    executionProvider: 'cpu',
    tc: true,
    realtime: false,
    ...Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined)),
  };
  // The low-latency schedule is for streaming use: on by default only when frames come in real time.
  if (p.lowLatency === undefined) s.lowLatency = s.realtime;
  if (!MODE_NAMES.includes(s.mode)) throw new ValidationError(`--mode must be one of ${MODE_NAMES.join(', ')}`);
  intIn(s.keyInterval, 'key-interval', 1, 1000);
  if (!(s.targetInterval >= 1 && s.targetInterval <= 1000)) throw new ValidationError(`--target-interval must be 1..1000, got ${s.targetInterval}`);
  intIn(s.maxInterval, 'max-interval', 1, 10000);
  if (s.threshold !== undefined && !(s.threshold > 0 && Number.isFinite(s.threshold))) throw new ValidationError(`--threshold must be > 0, got ${s.threshold}`);
  if (s.fusion !== 'causal' && s.fusion !== 'bidirectional') throw new ValidationError('--fusion must be "causal" or "bidirectional"');
  intIn(s.window, 'window', 1, 256);
  if (!(s.fuseCurrent > 0 && Number.isFinite(s.fuseCurrent))) throw new ValidationError(`--fuse-current (fusion weight of the current frame) must be > 0, got ${s.fuseCurrent}`);
  if (!(s.fusePrevious >= 0 && Number.isFinite(s.fusePrevious))) throw new ValidationError(`--fuse-previous (fusion weight of the warped past) must be ≥ 0, got ${s.fusePrevious}`);
  if (!DIS_PRESET_NAMES.includes(s.preset)) throw new ValidationError(`--preset must be one of ${DIS_PRESET_NAMES.join(', ')}`);
  if (!EXECUTION_PROVIDERS.includes(s.executionProvider)) throw new ValidationError(`--ep must be one of ${EXECUTION_PROVIDERS.join(', ')}`);
  if (!(s.flowScale > 0 && s.flowScale <= 1)) throw new ValidationError(`--flow-scale must be in (0, 1], got ${s.flowScale}`);
  if (s.threads !== undefined) intIn(s.threads, 'threads', 1, 64);
  return s;
}
