/**
 * Flow visualisation with the Middlebury colour coding (Baker et al., "A Database and Evaluation
 * Methodology for Optical Flow", IJCV 2011): hue from the direction on a 55-colour wheel
 * (RY 15, YG 6, GC 4, CB 11, BM 13, MR 6), saturation from the magnitude normalised by
 * `maxMagnitude`; magnitudes beyond it are darkened. Right (+x) is red, down (+y) is
 * yellow-orange, left is cyan-blue, up is blue-violet. Pure: no Node or DOM imports (used by the UI).
 */
import type { FlowField } from './types.ts';

function buildWheel(): Float32Array {
  const seg = [15, 6, 4, 11, 13, 6] as const;
  const n = seg.reduce((a, b) => a + b, 0);
  const wheel = new Float32Array(n * 3);
  let k = 0;
  const put = (r: number, g: number, b: number): void => {
    wheel[3 * k] = r;
    wheel[3 * k + 1] = g;
    wheel[3 * k + 2] = b;
    k++;
  };
  for (let i = 0; i < seg[0]; i++) put(255, Math.floor((255 * i) / seg[0]), 0);
  for (let i = 0; i < seg[1]; i++) put(255 - Math.floor((255 * i) / seg[1]), 255, 0);
  for (let i = 0; i < seg[2]; i++) put(0, 255, Math.floor((255 * i) / seg[2]));
  for (let i = 0; i < seg[3]; i++) put(0, 255 - Math.floor((255 * i) / seg[3]), 255);
  for (let i = 0; i < seg[4]; i++) put(Math.floor((255 * i) / seg[4]), 0, 255);
  for (let i = 0; i < seg[5]; i++) put(255, 0, 255 - Math.floor((255 * i) / seg[5]));
  return wheel;
}

const WHEEL = buildWheel();
const NCOLS = WHEEL.length / 3;

export interface ColorwheelOptions {
  /** Magnitude mapped to full saturation; default: the field's largest finite magnitude (at least 1e-6). */
  maxMagnitude?: number;
  /** RGBA output (width*height*4); allocated when absent. */
  out?: Uint8ClampedArray;
  /** Alpha of every pixel. Default 255. */
  alpha?: number;
}

/** One vector → [r, g, b] in 0..255 (already normalised: |(u, v)| = 1 is full saturation). */
export function flowColor(u: number, v: number, out: Uint8ClampedArray | number[] = [0, 0, 0], offset = 0): Uint8ClampedArray | number[] {
  if (!Number.isFinite(u) || !Number.isFinite(v)) {
    out[offset] = out[offset + 1] = out[offset + 2] = 0;
    return out;
  }
  const rad = Math.sqrt(u * u + v * v);
  const a = Math.atan2(-v, -u) / Math.PI;
  const fk = ((a + 1) / 2) * (NCOLS - 1);
  const k0 = Math.floor(fk);
  const k1 = (k0 + 1) % NCOLS;
  const f = fk - k0;
  for (let c = 0; c < 3; c++) {
    let col = ((1 - f) * WHEEL[3 * k0 + c]! + f * WHEEL[3 * k1 + c]!) / 255;
    col = rad <= 1 ? 1 - rad * (1 - col) : col * 0.75;
    out[offset + c] = Math.floor(255 * col);
  }
  return out;
}

export function flowToColor(flow: FlowField, opts: ColorwheelOptions = {}): Uint8ClampedArray {
  const { width: w, height: h, data } = flow;
  const n = w * h;
  const out = opts.out ?? new Uint8ClampedArray(n * 4);
  let max = opts.maxMagnitude ?? 0;
  if (opts.maxMagnitude === undefined) {
    for (let p = 0; p < n; p++) {
      const m = Math.hypot(data[2 * p]!, data[2 * p + 1]!);
      if (Number.isFinite(m) && m > max) max = m;
    }
  }
  const inv = 1 / Math.max(max, 1e-6);
  const alpha = opts.alpha ?? 255;
  for (let p = 0; p < n; p++) {
    flowColor(data[2 * p]! * inv, data[2 * p + 1]! * inv, out, 4 * p);
    out[4 * p + 3] = alpha;
  }
  return out;
}
