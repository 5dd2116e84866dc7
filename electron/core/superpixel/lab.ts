/**
 * sRGB (8-bit RGBA) → CIE L*a*b* (D65), planar Float32: L in [0, 100], a and b roughly in
 * [-128, 127]. Lookup tables keep the hot loop to integer adds and loads: X, Y and Z (relative to
 * the white point) are sums of one table entry per channel (the sRGB decoding curve folded into
 * the matrix, in fixed point of 1/65536), and the Lab companding f(t) is a table at steps of
 * 1/16384: at most 0.2 ΔE from the exact conversion over all colours, far below what SLIC
 * distances (or an eye: 2.3 is a just-noticeable difference) can tell apart. Pixels are read as
 * 32-bit words (one load a pixel; box sums add two channels in one integer add).
 */

export interface LabImage {
  width: number;
  height: number;
  /** Planes of width × height: L, a, b. */
  l: Float32Array;
  a: Float32Array;
  b: Float32Array;
}

const F_STEPS = 16384;
/** sRGB → XYZ (D65), rows divided by the white point's Xn, Yn, Zn. */
const XYZ = [
  [0.4124564 / 0.95047, 0.3575761 / 0.95047, 0.1804375 / 0.95047],
  [0.2126729, 0.7151522, 0.072175],
  [0.0193339 / 1.08883, 0.119192 / 1.08883, 0.9503041 / 1.08883],
];
/** Bit offsets of R, G and B in a pixel read as a 32-bit word (byte order of this machine). */
const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;
const [R_BIT, G_BIT, B_BIT] = LITTLE_ENDIAN ? [0, 8, 16] : [24, 16, 8];

/** f(t) of the Lab companding at t = i / F_STEPS, a few entries past 1 for the rounding of white. */
const F_TABLE = Float32Array.from({ length: F_STEPS + 4 }, (_, i) => {
  const t = i / F_STEPS;
  return t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 / 116) * t + 16 / 116;
});

interface Tables {
  /** Entries per channel: 255 × scale + 1 (a channel value, or the sum of `scale` of them). */
  span: number;
  /** X, Y, Z contribution of each channel value: [row][channel] × span entries, in steps of 1/(4·F_STEPS). */
  xyz: Int32Array;
}
const cached = new Map<number, Tables>();

/** The table for channel values that are sums of `scale` sRGB bytes (their mean is decoded). */
function tables(scale: number): Tables {
  const hit = cached.get(scale);
  if (hit) return hit;
  const span = 255 * scale + 1;
  const xyz = new Int32Array(9 * span);
  for (let v = 0; v < span; v++) {
    const c = v / (span - 1);
    const lin = c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    for (let row = 0; row < 3; row++) for (let ch = 0; ch < 3; ch++) xyz[(row * 3 + ch) * span + v] = Math.round(XYZ[row]![ch]! * lin * F_STEPS * 4);
  }
  const t: Tables = { span, xyz };
  cached.set(scale, t);
  return t;
}

/** The table of single bytes, built once at load (a module constant: the hot loop reads it without lookups). */
const BYTE_XYZ = tables(1).xyz;

/** Stores the Lab of channel values r, g, b (table indices of `T`, `s` entries per channel) at i of L, A, B. */
function put(T: Int32Array, s: number, r: number, g: number, b: number, L: Float32Array, A: Float32Array, B: Float32Array, i: number): void {
  const f = F_TABLE;
  const g1 = g + s;
  const b2 = b + 2 * s;
  const fx = f[(T[r]! + T[g1]! + T[b2]! + 2) >> 2]!;
  const fy = f[(T[r + 3 * s]! + T[g1 + 3 * s]! + T[b2 + 3 * s]! + 2) >> 2]!;
  const fz = f[(T[r + 6 * s]! + T[g1 + 6 * s]! + T[b2 + 6 * s]! + 2) >> 2]!;
  L[i] = 116 * fy - 16;
  A[i] = 500 * (fx - fy);
  B[i] = 200 * (fy - fz);
}

/** The pixels of `rgba` as 32-bit words (a copy when the bytes are not 4-aligned). */
function words(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number): Uint32Array {
  if (rgba.length < width * height * 4) throw new RangeError(`rgbaToLab: ${rgba.length} bytes for ${width}×${height}`);
  const aligned = rgba.byteOffset % 4 === 0 ? rgba : rgba.slice();
  return new Uint32Array(aligned.buffer, aligned.byteOffset, width * height);
}

/** Lab of pixels from..to-1 of `px` into `out` at the same indices. */
function convertWords(px: Uint32Array, from: number, to: number, out: LabImage): void {
  const { l: L, a: A, b: B } = out;
  for (let i = from; i < to; i++) {
    const v = px[i]!;
    put(BYTE_XYZ, 256, (v >>> R_BIT) & 255, (v >>> G_BIT) & 255, (v >>> B_BIT) & 255, L, A, B, i);
  }
}

/** Converts `rgba` (width × height × 4 bytes) to Lab; `out` is reused when its size fits. */
export function rgbaToLab(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number, out?: LabImage): LabImage {
  const n = width * height;
  const px = words(rgba, width, height);
  const img = out && out.l.length === n ? { ...out, width, height } : { width, height, l: new Float32Array(n), a: new Float32Array(n), b: new Float32Array(n) };
  // row by row: V8 compiles one long loop here about twice as slow as the same loop called per row
  for (let y = 0; y < height; y++) convertWords(px, y * width, (y + 1) * width, img);
  return img;
}

/** A converter of rows of one frame into `out` (a full-size Lab image), for passes that use each row at once. */
export function labRows(rgba: Uint8Array | Uint8ClampedArray, out: LabImage): (y0: number, y1: number) => void {
  const px = words(rgba, out.width, out.height);
  return (y0, y1) => convertWords(px, y0 * out.width, y1 * out.width, out);
}

/** A pixel word's R in the low 16 bits and B in the high 16 bits: box sums add both in one add. */
const redBlue = (v: number): number => ((v >>> R_BIT) & 255) | (((v >>> B_BIT) & 255) << 16);
const green = (v: number): number => (v >>> G_BIT) & 255;

/**
 * The frame shrunk by `factor` (2 or 4: a factor × factor box filter on the sRGB values; at the
 * right and bottom edges a short box repeats its last pixel) and converted to Lab into `out`, whose
 * planes hold ⌈width/factor⌉ × ⌈height/factor⌉ pixels. Factor 2, the common case, reads its 4
 * pixels without a loop.
 */
export function shrinkRgbaToLab(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number, factor: 2 | 4, out: LabImage): void {
  const px = words(rgba, width, height);
  const { xyz: T, span } = tables(factor * factor);
  const { width: w, height: h, l: L, a: A, b: B } = out;
  const rows = new Int32Array(factor);
  for (let y = 0, i = 0; y < h; y++) {
    for (let dy = 0; dy < factor; dy++) rows[dy] = Math.min(factor * y + dy, height - 1) * width;
    const r0 = rows[0]!;
    const r1 = rows[1]!;
    for (let x = 0; x < w; x++, i++) {
      const x0 = factor * x;
      let rb = 0;
      let g = 0;
      if (factor === 2) {
        const x1 = Math.min(x0 + 1, width - 1);
        const p = px[r0 + x0]!;
        const q = px[r0 + x1]!;
        const u = px[r1 + x0]!;
        const v = px[r1 + x1]!;
        rb = redBlue(p) + redBlue(q) + redBlue(u) + redBlue(v);
        g = green(p) + green(q) + green(u) + green(v);
      } else {
        for (let dy = 0; dy < factor; dy++) {
          for (let dx = 0; dx < factor; dx++) {
            const v = px[rows[dy]! + Math.min(x0 + dx, width - 1)]!;
            rb += redBlue(v);
            g += green(v);
          }
        }
      }
      put(T, span, rb & 0xffff, g, rb >>> 16, L, A, B, i);
    }
  }
}

/** Nearest-neighbour resampling of RGBA to another size (frames decoded larger than their label maps). */
export function resampleRgba(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number, toWidth: number, toHeight: number): Uint8ClampedArray {
  const out = new Uint8ClampedArray(toWidth * toHeight * 4);
  const out32 = new Uint32Array(out.buffer);
  const aligned = rgba.byteOffset % 4 === 0 ? rgba : rgba.slice();
  const in32 = new Uint32Array(aligned.buffer, aligned.byteOffset, width * height);
  for (let y = 0; y < toHeight; y++) {
    const sy = Math.min(height - 1, Math.floor(((y + 0.5) * height) / toHeight));
    for (let x = 0; x < toWidth; x++) {
      const sx = Math.min(width - 1, Math.floor(((x + 0.5) * width) / toWidth));
      out32[y * toWidth + x] = in32[sy * width + sx]!;
    }
  }
  return out;
}
