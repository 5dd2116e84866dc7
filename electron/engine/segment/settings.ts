/** Segment settings with their defaults and range checks (shared by the CLI, bench and eval). */
import { join } from 'node:path';
import { packageRoot } from '../../shared/package-root.ts';
import { checkSettings, defaultMaxInterval, ENGINE_SETTINGS } from '../../core/engine-settings.ts';
import { ValidationError } from '../../core/errors.ts';
import { MODE_DEFAULTS, MODE_NAMES } from '../modes/types.ts';
import type { SegmentSettings } from './types.ts';

/** The default model bundle, resolved from the package root (not the working directory), also in a bundle. */
export const DEFAULT_MODEL_DIR = join(packageRoot(), 'native-models', 'camvid-edge');

/**
 * Settings with their defaults, checked against the engine settings table (messages name the
 * command-line flag). Absent values take the table's defaults; maxInterval defaults to twice the
 * target interval and lowLatency to on for realtime runs.
 */
export function segmentSettings(p: Partial<SegmentSettings> = {}): SegmentSettings {
  const given: Partial<SegmentSettings> = Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined));
  if (given.mode !== undefined && !MODE_NAMES.includes(given.mode)) throw new ValidationError(`--mode must be one of ${MODE_NAMES.join(', ')}`);
  checkSettings(given, (k) => `--${ENGINE_SETTINGS[k].flag}`);
  const s: SegmentSettings = {
    ...MODE_DEFAULTS,
    maxInterval: defaultMaxInterval(given.targetInterval ?? MODE_DEFAULTS.targetInterval),
    model: DEFAULT_MODEL_DIR,
    executionProvider: ENGINE_SETTINGS.executionProvider.default,
    tc: true,
    realtime: false,
    ...given,
  };
  // The low-latency schedule is for streaming use: on by default only when frames come in real time.
  if (given.lowLatency === undefined) s.lowLatency = s.realtime;
  return s;
}
