/**
 * Area-averaging resize of a single float plane (OpenCV INTER_AREA semantics for shrinking):
 * each output pixel is the mean of the source area it covers, with fractional weights on the
 * partially covered source pixels. Separable: a horizontal pass into a scratch plane, then a
 * vertical one. Intended for downscaling (pyramids); upscaling falls back to the same rule,
 * which is nearest-like, so use resizeBilinear for that.
 */

export interface Taps {
  /** For output index o: taps[start[o] .. start[o+1]) */
  start: Int32Array;
  index: Int32Array;
  weight: Float32Array;
}

export function areaTaps(srcLen: number, dstLen: number): Taps {
  const scale = srcLen / dstLen;
  const start = new Int32Array(dstLen + 1);
  const index: number[] = [];
  const weight: number[] = [];
  for (let o = 0; o < dstLen; o++) {
    start[o] = index.length;
    const a = o * scale;
    const b = Math.min(srcLen, (o + 1) * scale);
    for (let s = Math.floor(a); s < b; s++) {
      const w = Math.min(b, s + 1) - Math.max(a, s);
      if (w > 1e-7) {
        index.push(s);
        weight.push(w / (b - a));
      }
    }
  }
  start[dstLen] = index.length;
  return { start, index: Int32Array.from(index), weight: Float32Array.from(weight) };
}

export interface ResizeAreaOptions {
  /** Output plane of dstW*dstH floats; allocated when absent. */
  out?: Float32Array;
  /** Scratch plane of at least dstW*srcH floats; allocated when absent. */
  scratch?: Float32Array;
}

export function resizeArea(
  src: Float32Array,
  srcW: number,
  srcH: number,
  dstW: number,
  dstH: number,
  opts: ResizeAreaOptions = {},
): Float32Array {
  const out = opts.out ?? new Float32Array(dstW * dstH);
  const k = srcW / dstW;
  if (Number.isInteger(k) && srcH === dstH * k) return boxDownscale(src, srcW, dstW, dstH, k, out);
  const tmp = opts.scratch ?? new Float32Array(dstW * srcH);
  const tx = areaTaps(srcW, dstW);
  const ty = areaTaps(srcH, dstH);
  for (let y = 0; y < srcH; y++) {
    const row = y * srcW;
    const orow = y * dstW;
    for (let x = 0; x < dstW; x++) {
      let acc = 0;
      for (let k = tx.start[x]!, e = tx.start[x + 1]!; k < e; k++) acc += tx.weight[k]! * src[row + tx.index[k]!]!;
      tmp[orow + x] = acc;
    }
  }
  for (let y = 0; y < dstH; y++) {
    const orow = y * dstW;
    out.fill(0, orow, orow + dstW);
    for (let k = ty.start[y]!, e = ty.start[y + 1]!; k < e; k++) {
      const w = ty.weight[k]!;
      const srow = ty.index[k]! * dstW;
      for (let x = 0; x < dstW; x++) out[orow + x] += w * tmp[srow + x]!;
    }
  }
  return out;
}

/** Exact integer factor: plain k x k box mean. */
function boxDownscale(src: Float32Array, srcW: number, dstW: number, dstH: number, k: number, out: Float32Array): Float32Array {
  const inv = 1 / (k * k);
  for (let y = 0; y < dstH; y++) {
    const o = y * dstW;
    out.fill(0, o, o + dstW);
    for (let r = 0; r < k; r++) {
      let s = (y * k + r) * srcW;
      for (let x = 0; x < dstW; x++) {
        let acc = 0;
        for (let c = 0; c < k; c++) acc += src[s + c]!;
        out[o + x] += acc;
        s += k;
      }
    }
    for (let x = 0; x < dstW; x++) out[o + x] = out[o + x]! * inv;
  }
  return out;
}
