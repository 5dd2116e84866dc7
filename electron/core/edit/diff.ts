/**
 * Compact per-frame label diffs: a run-length list of (pixel offset, length, old values, new value).
 *
 * A run covers `length` consecutive pixels (row-major offsets) that all get the same new class;
 * their previous classes are kept verbatim in `oldValues` so a diff reverts exactly. Diffs are
 * built with DiffBuilder from pixels visited in increasing offset order; pixels whose class does
 * not change are never recorded.
 */
import type { LabelMap } from '../types.ts';

export interface FrameDiff {
  /** Frame index the diff applies to. */
  frame: number;
  width: number;
  height: number;
  /** Interleaved (offset, length) per run, offsets strictly increasing, runs never overlap. */
  runs: Uint32Array;
  /** One new class per run. */
  newValues: Uint8Array;
  /** Old class of every covered pixel, runs concatenated in order (length = sum of lengths). */
  oldValues: Uint8Array;
}

/** Accumulates (offset, newValue) pairs in increasing offset order into a FrameDiff. */
export class DiffBuilder {
  private runs: number[] = [];
  private newVals: number[] = [];
  private old: Uint8Array;
  private oldLen = 0;
  private lastOffset = -1;
  private lastNew = -1;

  private readonly width: number;
  private readonly height: number;
  private readonly data: Uint8Array;

  /** `labels` supplies the size and the current (old) classes read by set/span. */
  constructor(
    labels: LabelMap,
    private readonly frame: number,
  ) {
    this.width = labels.width;
    this.height = labels.height;
    this.data = labels.data;
    this.old = new Uint8Array(256);
  }

  /** Records that pixel `offset` becomes `value`; no-op when it already has that value. */
  set(offset: number, value: number): void {
    const cur = this.data[offset]!;
    if (cur === value) return;
    this.record(offset, cur, value);
  }

  /** Records pixels [start, end) on one row becoming `value` (skips unchanged pixels). */
  span(start: number, end: number, value: number): void {
    const d = this.data;
    for (let o = start; o < end; o++) {
      const cur = d[o]!;
      if (cur !== value) this.record(o, cur, value);
    }
  }

  /** Records an explicit (offset, old, new) triple; offsets must increase. Skips old === new. */
  record(offset: number, old: number, value: number): void {
    if (old === value) return;
    if (offset <= this.lastOffset) throw new RangeError(`DiffBuilder: offsets must increase (${offset} after ${this.lastOffset})`);
    const n = this.runs.length;
    if (n > 0 && offset === this.lastOffset + 1 && value === this.lastNew) {
      this.runs[n - 1]!++;
    } else {
      this.runs.push(offset, 1);
      this.newVals.push(value);
    }
    if (this.oldLen === this.old.length) {
      const grown = new Uint8Array(this.old.length * 2);
      grown.set(this.old);
      this.old = grown;
    }
    this.old[this.oldLen++] = old;
    this.lastOffset = offset;
    this.lastNew = value;
  }

  get changedPixels(): number {
    return this.oldLen;
  }

  finish(): FrameDiff {
    return {
      frame: this.frame,
      width: this.width,
      height: this.height,
      runs: Uint32Array.from(this.runs),
      newValues: Uint8Array.from(this.newVals),
      oldValues: this.old.slice(0, this.oldLen),
    };
  }
}

/** The diff turning `before` into `after` (same size) on `frame`. */
export function diffBetween(before: LabelMap, after: LabelMap, frame: number): FrameDiff {
  if (before.width !== after.width || before.height !== after.height) {
    throw new RangeError(`labels of frame ${frame} are ${after.width}x${after.height}, the engine's ${before.width}x${before.height}`);
  }
  const b = new DiffBuilder(before, frame);
  const a = after.data;
  for (let i = 0; i < a.length; i++) b.set(i, a[i]!);
  return b.finish();
}

function checkSize(labels: LabelMap, d: FrameDiff): void {
  if (labels.width !== d.width || labels.height !== d.height) {
    throw new RangeError(`diff for ${d.width}x${d.height} applied to ${labels.width}x${labels.height} labels`);
  }
}

/** Writes the diff's new values into `labels`. */
export function applyDiff(labels: LabelMap, d: FrameDiff): void {
  checkSize(labels, d);
  const data = labels.data;
  for (let r = 0, n = d.newValues.length; r < n; r++) {
    const off = d.runs[2 * r]!;
    data.fill(d.newValues[r]!, off, off + d.runs[2 * r + 1]!);
  }
}

/** Restores the diff's old values into `labels` (exact inverse of applyDiff). */
export function revertDiff(labels: LabelMap, d: FrameDiff): void {
  checkSize(labels, d);
  const data = labels.data;
  let k = 0;
  for (let r = 0, n = d.newValues.length; r < n; r++) {
    const off = d.runs[2 * r]!;
    const len = d.runs[2 * r + 1]!;
    data.set(d.oldValues.subarray(k, k + len), off);
    k += len;
  }
}

/** Approximate memory held by a diff, in bytes (used for the history budget). */
export function diffBytes(d: FrameDiff): number {
  return d.runs.byteLength + d.newValues.byteLength + d.oldValues.byteLength + 64;
}

/** Number of pixels a diff changes. */
export function diffPixelCount(d: FrameDiff): number {
  return d.oldValues.length;
}

/** Calls fn(offset, oldValue, newValue) for every pixel of the diff in offset order. */
export function forEachDiffPixel(d: FrameDiff, fn: (offset: number, oldValue: number, newValue: number) => void): void {
  let k = 0;
  for (let r = 0, n = d.newValues.length; r < n; r++) {
    const off = d.runs[2 * r]!;
    const len = d.runs[2 * r + 1]!;
    const nv = d.newValues[r]!;
    for (let i = 0; i < len; i++) fn(off + i, d.oldValues[k++]!, nv);
  }
}
