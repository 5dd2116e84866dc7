/** Default display names of engine-run tracks ("per-frame", "dff K=5", "fused (bidirectional)"), made unique. */
import type { EngineMode, EngineSettings } from '../../shared/contract.ts';
import { MODE_DEFAULTS } from '../../engine/modes/types.ts';

export function defaultTrackName(mode: EngineMode, s: EngineSettings): string {
  switch (mode) {
    case 'per-frame':
      return 'per-frame';
    case 'dff':
      return `dff K=${s.keyInterval ?? MODE_DEFAULTS.keyInterval}`;
    case 'adaptive':
      return (s.threshold !== undefined ? `adaptive thr=${s.threshold}` : `adaptive T=${s.targetInterval ?? MODE_DEFAULTS.targetInterval}`) + (s.lowLatency ? ' low-latency' : '');
    case 'fused':
      return `fused (${s.fusion ?? MODE_DEFAULTS.fusion})`;
  }
}

/** `name`, or `name (2)`, `name (3)`… whichever is not taken (case-insensitive). */
export function uniqueName(name: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((t) => t.toLowerCase()));
  if (!used.has(name.toLowerCase())) return name;
  for (let i = 2; ; i++) {
    const candidate = `${name} (${i})`;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}
