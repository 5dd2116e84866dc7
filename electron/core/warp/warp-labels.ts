/**
 * Nearest-neighbour backward warping of a label map: out(x) = src(round(x + f(x))). The flow is
 * resampled to the label grid when sizes differ (flowResize). Samples that fall outside the image
 * get `fill` (default 255, void).
 */
import type { FlowField, LabelMap } from '../types.ts';
import { flowResize } from './flow-resize.ts';

export interface WarpLabelsOptions {
  /** Label written where the sample falls outside the image. Default 255. */
  fill?: number;
  /** Output buffer, width*height; allocated when absent. Must not alias src. */
  out?: Uint8Array;
}

export function warpLabels(src: LabelMap, flow: FlowField, opts: WarpLabelsOptions = {}): LabelMap {
  const { width: w, height: h } = src;
  const n = w * h;
  const out = opts.out ?? new Uint8Array(n);
  if (out.length < n) throw new RangeError('warpLabels: out buffer too small');
  if (out === src.data) throw new RangeError('warpLabels: out must not alias the source');
  const fill = opts.fill ?? 255;
  const f = flow.width === w && flow.height === h ? flow.data : flowResize(flow, w, h).data;
  const s = src.data;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const p = y * w + x;
      const sx = Math.round(x + f[2 * p]!);
      const sy = Math.round(y + f[2 * p + 1]!);
      out[p] = sx >= 0 && sx < w && sy >= 0 && sy < h ? s[sy * w + sx]! : fill;
    }
  }
  return { width: w, height: h, data: out };
}
