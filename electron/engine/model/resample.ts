/** Bilinear sampling tables for one axis, half-pixel centres (as OpenCV INTER_LINEAR, ONNX Resize half_pixel). */
export interface AxisTable {
  /** Lower source index per destination index. */
  i0: Int32Array;
  /** Upper source index (clamped). */
  i1: Int32Array;
  /** Weight of the upper index. */
  w: Float32Array;
}

export function bilinearAxis(dst: number, src: number): AxisTable {
  const i0 = new Int32Array(dst);
  const i1 = new Int32Array(dst);
  const w = new Float32Array(dst);
  const ratio = src / dst;
  for (let d = 0; d < dst; d++) {
    const s = Math.min(src - 1, Math.max(0, (d + 0.5) * ratio - 0.5));
    const f = Math.floor(s);
    i0[d] = f;
    i1[d] = Math.min(src - 1, f + 1);
    w[d] = s - f;
  }
  return { i0, i1, w };
}
