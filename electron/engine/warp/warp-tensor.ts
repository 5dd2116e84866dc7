/**
 * Backward bilinear warping of a CHW float tensor along a flow: out(x) = src(x + f(x)).
 * The flow may have any size (full resolution, or the tensor's own grid): it is first resampled
 * to the tensor grid with flowResize, which also divides the vectors by the stride. Samples
 * outside the image use the nearest border value (clamp); `valid` receives 1 where the sample
 * position lies within the image area [-0.5, size - 0.5), 0 where it fell outside.
 */
import type { FlowField, Tensor3 } from '../../core/types.ts';
import { flowResize } from '../../core/warp/flow-resize.ts';

export interface WarpTensorOptions {
  /** Output data, channels*height*width floats; allocated when absent. Must not alias src. */
  out?: Float32Array;
  /** Receives the per-pixel validity mask (height*width) when given. */
  valid?: Uint8Array;
}

/**
 * The bilinear taps of every pixel, shared by all channels: base = pixel index of the top-left
 * sample, dxs = 0 or 1 (0 on the last column), dys = 0 or w (0 on the last row), axs and ays the
 * fractional weights. key-warper.ts hands views into WebAssembly memory to fill.
 */
export interface Taps {
  base: Int32Array;
  dxs: Int32Array;
  dys: Int32Array;
  axs: Float32Array;
  ays: Float32Array;
}

/**
 * Taps kept between calls (grown when a larger grid comes): warping runs every frame, and fresh
 * tap arrays would be garbage the collector has to reclaim each time. warpTensor is synchronous,
 * so one set per thread is never in use twice.
 */
let taps: Taps & { n: number } = { n: 0, base: new Int32Array(0), dxs: new Int32Array(0), dys: new Int32Array(0), axs: new Float32Array(0), ays: new Float32Array(0) };

function tapsFor(n: number): Taps {
  if (taps.n < n) taps = { n, base: new Int32Array(n), dxs: new Int32Array(n), dys: new Int32Array(n), axs: new Float32Array(n), ays: new Float32Array(n) };
  return taps;
}

/** Fills `t` for a w x h grid from a flow on that grid (interleaved u, v); `valid` as in warpTensor. */
export function computeTaps(f: Float32Array, w: number, h: number, t: Taps, valid?: Uint8Array): void {
  const { base, dxs, dys, axs, ays } = t;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const p = y * w + x;
      let sx = x + f[2 * p]!;
      let sy = y + f[2 * p + 1]!;
      if (valid) valid[p] = sx >= -0.5 && sx < w - 0.5 && sy >= -0.5 && sy < h - 0.5 ? 1 : 0;
      sx = sx < 0 ? 0 : sx > w - 1 ? w - 1 : sx;
      sy = sy < 0 ? 0 : sy > h - 1 ? h - 1 : sy;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      base[p] = y0 * w + x0;
      dxs[p] = x0 < w - 1 ? 1 : 0;
      dys[p] = y0 < h - 1 ? w : 0;
      axs[p] = sx - x0;
      ays[p] = sy - y0;
    }
  }
}

export function warpTensor(src: Tensor3, flow: FlowField, opts: WarpTensorOptions = {}): Tensor3 {
  const { channels: C, width: w, height: h } = src;
  const n = w * h;
  if (src.data.length < C * n) throw new RangeError('warpTensor: data shorter than channels*height*width');
  const out = opts.out ?? new Float32Array(C * n);
  if (out.length < C * n) throw new RangeError('warpTensor: out buffer too small');
  if (out === src.data) throw new RangeError('warpTensor: out must not alias the source');
  const f = flow.width === w && flow.height === h ? flow.data : flowResize(flow, w, h).data;
  const valid = opts.valid;
  if (valid && valid.length < n) throw new RangeError('warpTensor: valid mask too small');
  // Per-pixel taps, computed once and reused for every channel.
  const { base, dxs, dys, axs, ays } = tapsFor(n);
  computeTaps(f, w, h, { base, dxs, dys, axs, ays }, valid);
  const s = src.data;
  for (let c = 0; c < C; c++) {
    const off = c * n;
    for (let p = 0; p < n; p++) {
      const q = off + base[p]!;
      const dx = dxs[p]!, dy = dys[p]!;
      const ax = axs[p]!;
      const top = s[q]! + ax * (s[q + dx]! - s[q]!);
      const bot = s[q + dy]! + ax * (s[q + dy + dx]! - s[q + dy]!);
      out[off + p] = top + ays[p]! * (bot - top);
    }
  }
  return { channels: C, width: w, height: h, data: out };
}
