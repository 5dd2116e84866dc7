/**
 * The DIS hot loops in WebAssembly SIMD. Each export runs a whole pyramid level over f32 planes
 * that the caller placed in this module's memory (addresses in bytes, from heapBase() upwards;
 * the caller grows the memory). No allocation happens in here.
 */
export { patchSearch } from './patch-search';
export { densify } from './densify';
export { variationalRefine } from './variational-refinement';
export { upsampleFlow } from './upsample';
export { toHwc, warpHwc } from './warp';
export { softmax, cellArgMax, labelRows } from './labels';
export { preprocessRgba, preprocessPlanar } from './preprocess';
export { grayAreaDown } from './gray-area';
export { countClasses, pngFilterUp } from './outputs';

/** First free byte after the module's static data: callers lay out their planes from here. */
export function heapBase(): usize {
  return __heap_base;
}
