// @ts-nocheck
/**
 * WebAssembly twin of ../../../image/gray-area.ts (grayAreaDown), used by segment/flow-gray.ts:
 * BT.601 grey of an RGBA frame area-averaged down, in one pass over the frame. Bit-identical to the
 * reference: the same f64 arithmetic in the same order, the grey value rounded to f32 as toGray
 * stores it, each output row accumulated in f32 as the reference's Float32Array does.
 * Taps (image/resize-area.ts areaTaps): start (i32, n+1), index (i32), weight (f32) per axis.
 */
export function grayAreaDown(
  src: usize, srcW: i32, srcH: i32, dstW: i32, dstH: i32,
  xStart: usize, xIndex: usize, xWeight: usize, yStart: usize, yIndex: usize, yWeight: usize, rows: usize, out: usize,
): void {
  for (let y = 0; y < srcH; y++) {
    const row = src + ((<usize>(y * srcW)) << 2);
    const orow = rows + ((<usize>(y * dstW)) << 2);
    for (let x = 0; x < dstW; x++) {
      let acc: f64 = 0;
      const e = load<i32>(xStart + ((<usize>(x + 1)) << 2));
      for (let k = load<i32>(xStart + ((<usize>x) << 2)); k < e; k++) {
        const p = row + ((<usize>load<i32>(xIndex + ((<usize>k) << 2))) << 2);
        // (f64 literals spelled out: inside <f32>(...) AssemblyScript would round the first to f32.)
        const y64: f64 = <f64>0.299 * <f64>load<u8>(p) + <f64>0.587 * <f64>load<u8>(p + 1) + <f64>0.114 * <f64>load<u8>(p + 2);
        const g = <f64>(<f32>y64);
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
