/**
 * Shared engine data types. Every engine function takes and returns these plain typed-array
 * records (no classes), so they cross worker_threads boundaries with transfer lists unchanged.
 */

/** Dense flow, interleaved (dx, dy) per pixel, length width*height*2. Flow from A to B: A(x) ≈ B(x + f(x)). */
export interface FlowField {
  width: number;
  height: number;
  data: Float32Array;
}

/** Single-channel float image, row-major, values 0..255. */
export interface GrayImage {
  width: number;
  height: number;
  data: Float32Array;
}

/** Multi-channel float tensor, CHW (planar), e.g. features or probabilities. */
export interface Tensor3 {
  channels: number;
  height: number;
  width: number;
  data: Float32Array;
}

/** Label map, one class id per pixel (255 or ignoreIndex = void). */
export interface LabelMap {
  width: number;
  height: number;
  data: Uint8Array;
}
