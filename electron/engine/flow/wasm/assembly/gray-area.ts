// @ts-nocheck
/**
 * WebAssembly twin of ../../../image/gray-area.ts (grayAreaDown), used by segment/flow-gray.ts:
 * BT.601 grey of an RGBA frame area-averaged down, one source row at a time (its grey values 4 pixels
 * per step in f64x2, then the horizontal taps, then the vertical ones). Bit-identical to the
 * reference: the same f64 arithmetic in the same order, the grey value rounded to f32 as toGray
 * stores it, each output row accumulated in f32 as the reference's Float32Array does.
 * Taps (image/resize-area.ts areaTaps): start (i32, n+1), index (i32), weight (f32) per axis.
 */
export function grayAreaDown(
  src: usize, srcW: i32, srcH: i32, dstW: i32, dstH: i32,
  xStart: usize, xIndex: usize, xWeight: usize, yStart: usize, yIndex: usize, yWeight: usize, rows: usize, out: usize, grey: usize,
): void {
  for (let y = 0; y < srcH; y++) {
    const row = src + ((<usize>(y * srcW)) << 2);
    const orow = rows + ((<usize>(y * dstW)) << 2);
    greyRow(row, srcW, grey);
    for (let x = 0; x < dstW; x++) {
      let acc: f64 = 0;
      const e = load<i32>(xStart + ((<usize>(x + 1)) << 2));
      for (let k = load<i32>(xStart + ((<usize>x) << 2)); k < e; k++) {
        const g = <f64>load<f32>(grey + ((<usize>load<i32>(xIndex + ((<usize>k) << 2))) << 2));
        acc += <f64>load<f32>(xWeight + ((<usize>k) << 2)) * g;
      }
      store<f32>(orow + ((<usize>x) << 2), <f32>acc);
    }
  }
  memory.fill(out, 0, (<usize>(dstW * dstH)) << 2);
  for (let y = 0; y < dstH; y++) {
    const o = out + ((<usize>(y * dstW)) << 2);
    const e = load<i32>(yStart + ((<usize>(y + 1)) << 2));
    for (let k = load<i32>(yStart + ((<usize>y) << 2)); k < e; k++) {
      const w = <f64>load<f32>(yWeight + ((<usize>k) << 2));
      const s = rows + ((<usize>(load<i32>(yIndex + ((<usize>k) << 2)) * dstW)) << 2);
      for (let x = 0; x < dstW; x++) {
        const a = o + ((<usize>x) << 2);
        store<f32>(a, <f32>(<f64>load<f32>(a) + w * <f64>load<f32>(s + ((<usize>x) << 2))));
      }
    }
  }
}

/**
 * The grey value of each pixel of one RGBA row (n pixels) into `grey` as f32, as toGray stores it:
 * 0.299 R + 0.587 G + 0.114 B in f64, left to right, rounded to f32. Four pixels per step, two per
 * f64x2 operation (the same IEEE operations as the scalar tail), so bit-identical.
 */
function greyRow(row: usize, n: i32, grey: usize): void {
  const cr = f64x2.splat(<f64>0.299), cg = f64x2.splat(<f64>0.587), cb = f64x2.splat(<f64>0.114);
  const body = n & ~3;
  for (let x = 0; x < body; x += 4) {
    const v = v128.load(row + ((<usize>x) << 2));
    const s = i8x16.shuffle(v, v, 0, 4, 8, 12, 1, 5, 9, 13, 2, 6, 10, 14, 3, 7, 11, 15);
    const rg = i16x8.extend_low_i8x16_u(s);
    const r = i32x4.extend_low_i16x8_u(rg), g = i32x4.extend_high_i16x8_u(rg);
    const b = i32x4.extend_low_i16x8_u(i16x8.extend_high_i8x16_u(s));
    const lo = f32x4.demote_f64x2_zero(grey2(r, g, b, cr, cg, cb));
    const hi = f32x4.demote_f64x2_zero(grey2(v128.shuffle<i32>(r, r, 2, 3, 2, 3), v128.shuffle<i32>(g, g, 2, 3, 2, 3), v128.shuffle<i32>(b, b, 2, 3, 2, 3), cr, cg, cb));
    v128.store(grey + ((<usize>x) << 2), v128.shuffle<f32>(lo, hi, 0, 1, 4, 5));
  }
  for (let x = body; x < n; x++) {
    const p = row + ((<usize>x) << 2);
    const y64: f64 = <f64>0.299 * <f64>load<u8>(p) + <f64>0.587 * <f64>load<u8>(p + 1) + <f64>0.114 * <f64>load<u8>(p + 2);
    store<f32>(grey + ((<usize>x) << 2), <f32>y64);
  }
}

/** The grey value of the two low lanes of r, g, b (i32x4) in f64. */
@inline function grey2(r: v128, g: v128, b: v128, cr: v128, cg: v128, cb: v128): v128 {
  const rg = f64x2.add(f64x2.mul(cr, f64x2.convert_low_i32x4_u(r)), f64x2.mul(cg, f64x2.convert_low_i32x4_u(g)));
  return f64x2.add(rg, f64x2.mul(cb, f64x2.convert_low_i32x4_u(b)));
}
