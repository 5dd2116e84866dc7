/** JSON form of diffs (typed arrays as base64), validated on the way back in. */
import { base64ToBytes, bytesToBase64, bytesToU32, u32ToBytes } from './base64.ts';
import type { FrameDiff } from './diff.ts';

export interface SerializedDiff {
  frame: number;
  width: number;
  height: number;
  /** base64 of little-endian uint32 (offset, length) pairs */
  runs: string;
  /** base64 of one byte per run */
  newValues: string;
  /** base64 of one byte per covered pixel */
  oldValues: string;
}

export function serializeDiff(d: FrameDiff): SerializedDiff {
  return {
    frame: d.frame,
    width: d.width,
    height: d.height,
    runs: bytesToBase64(u32ToBytes(d.runs)),
    newValues: bytesToBase64(d.newValues),
    oldValues: bytesToBase64(d.oldValues),
  };
}

function int(v: unknown, what: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw new RangeError(`diff ${what} must be a non-negative integer`);
  return v;
}

function str(v: unknown, what: string): string {
  if (typeof v !== 'string') throw new RangeError(`diff ${what} must be a base64 string`);
  return v;
}

/** Parses and checks a serialized diff (runs inside the frame, increasing, lengths consistent). */
export function deserializeDiff(v: unknown): FrameDiff {
  if (typeof v !== 'object' || v === null) throw new RangeError('diff must be an object');
  const o = v as Record<string, unknown>;
  const d: FrameDiff = {
    frame: int(o.frame, 'frame'),
    width: int(o.width, 'width'),
    height: int(o.height, 'height'),
    runs: bytesToU32(base64ToBytes(str(o.runs, 'runs'))),
    newValues: base64ToBytes(str(o.newValues, 'newValues')),
    oldValues: base64ToBytes(str(o.oldValues, 'oldValues')),
  };
  return checkDiff(d);
}

/** Checks a diff's consistency (runs inside the frame, increasing, lengths agreeing); throws a RangeError. */
export function checkDiff(d: FrameDiff): FrameDiff {
  if (d.runs.length !== 2 * d.newValues.length) throw new RangeError('diff runs and newValues disagree');
  let total = 0;
  let end = 0;
  for (let r = 0; r < d.newValues.length; r++) {
    const off = d.runs[2 * r]!;
    const len = d.runs[2 * r + 1]!;
    if (off < end || len === 0) throw new RangeError('diff runs overlap or are empty');
    end = off + len;
    total += len;
  }
  if (end > d.width * d.height) throw new RangeError('diff runs leave the frame');
  if (total !== d.oldValues.length) throw new RangeError('diff oldValues length disagrees with runs');
  return d;
}
