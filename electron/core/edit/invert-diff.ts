/**
 * The inverse of a diff as a diff (pixels go back to their old classes). edit.apply takes forward
 * diffs only, so undo sends invertDiff(d) and redo sends d; no label map is needed.
 */
import type { FrameDiff } from './index.ts';

export function invertDiff(d: FrameDiff): FrameDiff {
  const runs: number[] = [];
  const newValues: number[] = [];
  const oldValues = new Uint8Array(d.oldValues.length);
  let k = 0;
  let runStart = -1;
  let runLen = 0;
  let runValue = -1;
  for (let r = 0; r < d.newValues.length; r++) {
    const off = d.runs[2 * r]!;
    const len = d.runs[2 * r + 1]!;
    const was = d.newValues[r]!;
    for (let i = 0; i < len; i++, k++) {
      const back = d.oldValues[k]!;
      oldValues[k] = was;
      if (runLen > 0 && back === runValue && runStart + runLen === off + i) {
        runLen++;
        continue;
      }
      if (runLen > 0) runs.push(runStart, runLen), newValues.push(runValue);
      runStart = off + i;
      runLen = 1;
      runValue = back;
    }
  }
  if (runLen > 0) runs.push(runStart, runLen), newValues.push(runValue);
  return { frame: d.frame, width: d.width, height: d.height, runs: Uint32Array.from(runs), newValues: Uint8Array.from(newValues), oldValues };
}
