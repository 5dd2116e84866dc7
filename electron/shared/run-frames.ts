/**
 * Key frames and per-frame TC of a running track, grown from engine.progress batches (RunFrame
 * lists): the renderer merges each event into its TrackInfo (mergeRunFrames, new arrays for the
 * store), the backend keeps a mutable log for the live track status (RunFrameLog). Merging is by
 * frame index, so a batch seen twice (or a project.changed in between) changes nothing.
 */
import type { RunFrame } from './contract.ts';

export interface RunMarks {
  keyFrames: number[];
  tc: (number | null)[];
  tcMean: number | null;
}

const MAX_INDEX = 10_000_000;

/** Mean of the known TC values, null while none is known. */
export function meanTc(tc: readonly (number | null)[]): number | null {
  let sum = 0;
  let n = 0;
  for (const v of tc) {
    if (v === null) continue;
    sum += v;
    n++;
  }
  return n > 0 ? sum / n : null;
}

/** Inserts `index` into the ascending `keys` unless present (appending is the usual case). */
function addKey(keys: number[], index: number): void {
  const last = keys[keys.length - 1];
  if (last === undefined || index > last) {
    keys.push(index);
    return;
  }
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keys[mid]! < index) lo = mid + 1;
    else hi = mid;
  }
  if (keys[lo] !== index) keys.splice(lo, 0, index);
}

function applyFrames(keys: number[], tc: (number | null)[], frames: readonly RunFrame[]): void {
  for (const f of frames) {
    if (!Number.isInteger(f.index) || f.index < 0 || f.index > MAX_INDEX) continue;
    if (f.key) addKey(keys, f.index);
    while (tc.length <= f.index) tc.push(null);
    if (f.tcPrev !== null && Number.isFinite(f.tcPrev)) tc[f.index] = f.tcPrev;
  }
}

/** The track's key frames and TC with `frames` merged in (new arrays; the inputs are not touched). */
export function mergeRunFrames(prev: { keyFrames: readonly number[]; tc: readonly (number | null)[] }, frames: readonly RunFrame[]): RunMarks {
  const keyFrames = [...prev.keyFrames];
  const tc = [...prev.tc];
  applyFrames(keyFrames, tc, frames);
  return { keyFrames, tc, tcMean: meanTc(tc) };
}

/** Backend side: everything seen so far (for the live track status) and the batch not yet emitted. */
export class RunFrameLog {
  readonly keyFrames: number[] = [];
  readonly tc: (number | null)[] = [];
  private pending: RunFrame[] = [];

  add(frames: readonly RunFrame[] | undefined): void {
    if (!frames || frames.length === 0) return;
    applyFrames(this.keyFrames, this.tc, frames);
    for (const f of frames) this.pending.push({ index: f.index, key: f.key, tcPrev: f.tcPrev });
  }

  /** The frames added since the last take() (the next engine.progress batch), one entry per frame. */
  take(): RunFrame[] {
    const byIndex = new Map<number, RunFrame>();
    for (const f of this.pending) {
      const seen = byIndex.get(f.index);
      byIndex.set(f.index, seen ? { index: f.index, key: seen.key || f.key, tcPrev: f.tcPrev ?? seen.tcPrev } : f);
    }
    this.pending = [];
    return [...byIndex.values()];
  }

  snapshot(): { keyFrames: number[]; tc: (number | null)[] } {
    return { keyFrames: [...this.keyFrames], tc: [...this.tc] };
  }
}
