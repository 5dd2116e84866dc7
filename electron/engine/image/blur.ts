/**
 * Separable Gaussian blur of a single float plane, replicated border. The kernel radius is
 * ceil(3 sigma); sigma <= 0 copies the input.
 */

export interface GaussianBlurOptions {
  /** Output plane; allocated when absent. May not alias the input. */
  out?: Float32Array;
  /** Scratch plane of width*height floats; allocated when absent. */
  scratch?: Float32Array;
}

export function gaussianKernel(sigma: number): Float32Array {
  const r = Math.max(0, Math.ceil(3 * sigma));
  const k = new Float32Array(2 * r + 1);
  let sum = 0;
  for (let i = -r; i <= r; i++) {
    const v = Math.exp((-i * i) / (2 * sigma * sigma));
    k[i + r] = v;
    sum += v;
  }
  for (let i = 0; i < k.length; i++) k[i] = k[i]! / sum;
  return k;
}

export function gaussianBlur(
  src: Float32Array,
  width: number,
  height: number,
  sigma: number,
  opts: GaussianBlurOptions = {},
): Float32Array {
  const n = width * height;
  const out = opts.out ?? new Float32Array(n);
  if (sigma <= 0) {
    out.set(src.subarray(0, n));
    return out;
  }
  const tmp = opts.scratch ?? new Float32Array(n);
  const k = gaussianKernel(sigma);
  const r = (k.length - 1) >> 1;
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      let acc = 0;
      for (let i = -r; i <= r; i++) {
        const xi = x + i < 0 ? 0 : x + i >= width ? width - 1 : x + i;
        acc += k[i + r]! * src[row + xi]!;
      }
      tmp[row + x] = acc;
    }
  }
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let acc = 0;
      for (let i = -r; i <= r; i++) {
        const yi = y + i < 0 ? 0 : y + i >= height ? height - 1 : y + i;
        acc += k[i + r]! * tmp[yi * width + x]!;
      }
      out[y * width + x] = acc;
    }
  }
  return out;
}
