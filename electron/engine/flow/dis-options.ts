/**
 * Options of DIS optical flow and the three presets, copied from OpenCV's
 * DISOpticalFlow::create(preset) (modules/video/src/dis_flow.cpp, checked against cv2 4.6.0):
 *
 * | preset    | patch | stride | GD iters | VR iters | finest scale |
 * |-----------|-------|--------|----------|----------|--------------|
 * | ultrafast |   8   |   4    |    12    |    0     |      2       |
 * | fast      |   8   |   4    |    16    |    5     |      2       |
 * | medium    |   8   |   3    |    25    |    5     |      1       |
 *
 * Shared defaults (OpenCV's constructor): VR alpha 20, delta 5, gamma 10, 5 SOR iterations per
 * fixed-point iteration, mean normalisation on, spatial propagation on.
 *
 * `backend` picks the implementation of the hot loops: 'wasm' (WebAssembly SIMD, wasm/) or 'js'
 * (the TypeScript reference). 'wasm' falls back to 'js' when the module cannot be loaded or the
 * patch size is not a multiple of 4; both give the same flow up to f32 rounding.
 */

import type { DisPreset } from '../../core/engine-settings.ts';

/** The preset names live in the engine settings table (core/engine-settings.ts). */
export { DIS_PRESET_NAMES, type DisPreset } from '../../core/engine-settings.ts';
export type DisBackend = 'wasm' | 'js';

export interface DisOptions {
  /** Side of the square patches, pixels. Default 8. */
  patchSize: number;
  /** Distance between neighbouring patch origins (patch size - overlap). Default 4 (fast). */
  patchStride: number;
  /** Gauss-Newton iterations per patch (split over the two propagation sweeps). Default 16. */
  gradientDescentIterations: number;
  /** Finest pyramid level processed (0 = full resolution); the result is upsampled. Default 2. */
  finestScale: number;
  /** Fixed-point iterations of variational refinement per level; 0 disables it. Default 5. */
  variationalRefinementIterations: number;
  /** Smoothness weight of the variational refinement. Default 20. */
  variationalRefinementAlpha: number;
  /** Brightness-constancy weight. Default 5. */
  variationalRefinementDelta: number;
  /** Gradient-constancy weight. Default 10. */
  variationalRefinementGamma: number;
  /** SOR iterations inside each fixed-point iteration. Default 5. */
  variationalRefinementSorIterations: number;
  /** Patch mean normalisation (robust to brightness change). Default true. */
  useMeanNormalization: boolean;
  /** Try the neighbouring patches' flow as initial guesses, sweeping forward then backward. Default true. */
  useSpatialPropagation: boolean;
  /** Implementation of the hot loops. Default 'wasm' (falls back to 'js' when unavailable). */
  backend: DisBackend;
}

export const DIS_DEFAULTS: DisOptions = {
  patchSize: 8,
  patchStride: 4,
  gradientDescentIterations: 16,
  finestScale: 2,
  variationalRefinementIterations: 5,
  variationalRefinementAlpha: 20,
  variationalRefinementDelta: 5,
  variationalRefinementGamma: 10,
  variationalRefinementSorIterations: 5,
  useMeanNormalization: true,
  useSpatialPropagation: true,
  backend: 'wasm',
};

export const DIS_PRESETS: Record<DisPreset, Partial<DisOptions>> = {
  ultrafast: { patchSize: 8, patchStride: 4, gradientDescentIterations: 12, variationalRefinementIterations: 0, finestScale: 2 },
  fast: { patchSize: 8, patchStride: 4, gradientDescentIterations: 16, variationalRefinementIterations: 5, finestScale: 2 },
  medium: { patchSize: 8, patchStride: 3, gradientDescentIterations: 25, variationalRefinementIterations: 5, finestScale: 1 },
};

export type DisUserOptions = Partial<DisOptions> & { preset?: DisPreset };

/** Defaults, then the preset (fast when absent), then explicit fields; checks ranges. */
export function resolveDisOptions(user: DisUserOptions = {}): DisOptions {
  const { preset = 'fast', ...rest } = user;
  const base = DIS_PRESETS[preset];
  if (!base) throw new RangeError(`unknown DIS preset "${String(preset)}"`);
  const o: DisOptions = { ...DIS_DEFAULTS, ...base };
  for (const [k, v] of Object.entries(rest) as [keyof DisOptions, DisOptions[keyof DisOptions] | undefined][]) {
    if (v !== undefined) (o as unknown as Record<string, unknown>)[k] = v;
  }
  const int = (name: keyof DisOptions, min: number): void => {
    const v = o[name];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min) throw new RangeError(`DIS ${name} must be an integer >= ${min}`);
  };
  int('patchSize', 2);
  int('patchStride', 1);
  int('gradientDescentIterations', 1);
  int('finestScale', 0);
  int('variationalRefinementIterations', 0);
  int('variationalRefinementSorIterations', 1);
  if (o.backend !== 'wasm' && o.backend !== 'js') throw new RangeError(`DIS backend must be 'wasm' or 'js', not "${String(o.backend)}"`);
  if (o.patchStride > o.patchSize) throw new RangeError('DIS patchStride must not exceed patchSize');
  return o;
}
