/** Per-frame comparison numbers (pure): class shares of each track and the pixels that differ. */
import { classHistogram } from '../overlays/rasterize.ts';

export interface ClassShare {
  id: number;
  /** 0..1 of the frame's pixels. */
  main: number;
  compare: number | null;
}

export interface FrameStats {
  shares: ClassShare[];
  /** Pixels whose class differs between the tracks (null without a compare track). */
  changed: number | null;
  changedShare: number | null;
}

/**
 * One histogram pass over `main`; the compare histogram is that one corrected at the pixels that
 * differ, found four labels per 32-bit word (disagreement is sparse), so a frame costs about one
 * pass instead of three.
 */
export function frameStats(main: Uint8Array, compare: Uint8Array | null, classIds: readonly number[]): FrameStats {
  const hm = classHistogram(main);
  const n = Math.max(1, main.length);
  let hc: Uint32Array | null = null;
  let changed: number | null = null;
  if (compare && compare.length === main.length) {
    hc = hm.slice();
    changed = 0;
    const aligned = main.byteOffset % 4 === 0 && compare.byteOffset % 4 === 0;
    const words = aligned ? main.length >>> 2 : 0;
    const m32 = aligned ? new Uint32Array(main.buffer, main.byteOffset, words) : new Uint32Array(0);
    const c32 = aligned ? new Uint32Array(compare.buffer, compare.byteOffset, words) : new Uint32Array(0);
    for (let w = 0; w < words; w++) {
      if (m32[w] === c32[w]) continue;
      for (let i = w << 2; i < (w << 2) + 4; i++) {
        const a = main[i]!;
        const b = compare[i]!;
        if (a !== b) {
          hc[a]!--;
          hc[b]!++;
          changed++;
        }
      }
    }
    for (let i = words << 2; i < main.length; i++) {
      const a = main[i]!;
      const b = compare[i]!;
      if (a !== b) {
        hc[a]!--;
        hc[b]!++;
        changed++;
      }
    }
  } else if (compare) hc = classHistogram(compare);
  const shares = classIds.map((id) => ({ id, main: hm[id]! / n, compare: hc ? hc[id]! / Math.max(1, compare!.length) : null })).filter((s) => s.main > 0 || (s.compare ?? 0) > 0);
  shares.sort((a, b) => b.main + (b.compare ?? 0) - (a.main + (a.compare ?? 0)));
  return { shares, changed, changedShare: changed === null ? null : changed / n };
}
