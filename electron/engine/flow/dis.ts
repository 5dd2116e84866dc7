/**
 * DIS optical flow (Kroeger, Timofte, Dai, Van Gool: "Fast Optical Flow using Dense Inverse
 * Search", ECCV 2016), following the structure of OpenCV's DISOpticalFlow:
 *
 *   for each pyramid level s from coarse to `finestScale`:
 *     1. inverse search of every patch on a grid (stride = patch size - overlap), initialised
 *        from the upsampled flow of the coarser level, with spatial propagation (patch-search.ts)
 *     2. densification: per-pixel weighted mean of overlapping patch flows (densify.ts)
 *     3. variational refinement (variational-refinement.ts), skipped when its iterations are 0
 *   then bilinear upsampling of the finest computed level to full resolution (x 2^finestScale).
 *
 * The coarsest level is OpenCV's: min(round(log2(max(W,H) / (4·patch))), floor(log2(min(W,H) / patch))).
 * Single-threaded; deterministic. Images are float 0..255 (no 8-bit rounding of pyramid levels).
 * Steps 1-3 run in WebAssembly SIMD (wasm/, option `backend`, default 'wasm') or in the
 * TypeScript reference kernels named above ('js', and the fallback when wasm is unavailable).
 */
import type { FlowField, GrayImage } from '../../core/types.ts';
import { resizeArea } from '../image/resize-area.ts';
import { resizeBilinear } from '../image/resize-bilinear.ts';
import { sobel3x3 } from '../image/sobel.ts';
import { resolveDisOptions, type DisOptions, type DisUserOptions } from './dis-options.ts';
import { structureTensor, type StructureTensor } from './structure-tensor.ts';
import { patchInverseSearch, SEARCH_BORDER, type SearchLevel } from './patch-search.ts';
import { densify, type DensifyInput } from './densify.ts';
import {
  createVariationalWorkspace, variationalRefine, VARIATIONAL_DEFAULTS, type VariationalOptions, type VariationalWorkspace,
} from './variational-refinement.ts';
import { WasmKernels } from './wasm/dis-kernels.ts';

export type { DisBackend, DisOptions, DisPreset, DisUserOptions } from './dis-options.ts';

interface Level {
  w: number;
  h: number;
  i0: Float32Array;
  i1: Float32Array;
}

/** Pyramid levels finest..coarsest (index 0 = finestScale), built by area averaging. */
function buildPyramid(a: GrayImage, b: GrayImage, finest: number, coarsest: number): Level[] {
  const levels: Level[] = [];
  let w = Math.floor(a.width / 2 ** finest);
  let h = Math.floor(a.height / 2 ** finest);
  let i0 = finest === 0 ? a.data : resizeArea(a.data, a.width, a.height, w, h);
  let i1 = finest === 0 ? b.data : resizeArea(b.data, b.width, b.height, w, h);
  levels.push({ w, h, i0, i1 });
  for (let s = finest + 1; s <= coarsest; s++) {
    const nw = Math.floor(w / 2);
    const nh = Math.floor(h / 2);
    i0 = resizeArea(i0, w, h, nw, nh);
    i1 = resizeArea(i1, w, h, nw, nh);
    w = nw;
    h = nh;
    levels.push({ w, h, i0, i1 });
  }
  return levels;
}

/** Copies the first n values of src into the staging plane and returns its first n values. */
function stage(src: Float32Array, plane: Float32Array, n: number): Float32Array {
  plane.set(src.subarray(0, n));
  return plane.subarray(0, n);
}

/** I1 with a replicated border so patches may be sampled partly outside the image. */
function padReplicate(src: Float32Array, w: number, h: number, b: number, out: Float32Array): Float32Array {
  const we = w + 2 * b;
  for (let y = -b; y < h + b; y++) {
    const sy = y < 0 ? 0 : y >= h ? h - 1 : y;
    const sr = sy * w;
    const o = (y + b) * we;
    const first = src[sr]!;
    const last = src[sr + w - 1]!;
    out.fill(first, o, o + b);
    out.set(src.subarray(sr, sr + w), o + b);
    out.fill(last, o + b + w, o + we);
  }
  return out;
}

interface Scratch {
  key: string;
  /** The WebAssembly kernels when the wasm backend is in use; every plane below then lives in its memory. */
  wasm: WasmKernels | null;
  /** Level images staged into wasm memory (unused by the js backend, which reads the pyramid directly). */
  i0: Float32Array;
  i1: Float32Array;
  i1ext: Float32Array;
  gx: Float32Array;
  gy: Float32Array;
  st: StructureTensor;
  stAux: Float32Array;
  sx: Float32Array;
  sy: Float32Array;
  wsum: Float32Array;
  /** Two pairs of flow planes (u, v), swapped between levels. */
  flow: [Float32Array, Float32Array, Float32Array, Float32Array];
  vr: VariationalWorkspace | undefined;
  vrWasm: Float32Array | undefined;
  /** wasm only: the full-resolution interleaved output and the upsampling scratch. */
  out: Float32Array | undefined;
  upScratch: Float32Array | undefined;
}

/** The scratch of the last call, kept for the next one with the same geometry (avoids GC churn). */
let cached: Scratch | undefined;
/** This thread's instance of the wasm kernels; null once loading failed. */
let kernels: WasmKernels | null | undefined;

function wasmKernels(): WasmKernels | null {
  if (kernels === undefined) kernels = WasmKernels.create();
  return kernels;
}

/** Scratch for levels of at most w x h pixels and output of W x H. */
function scratchFor(w: number, h: number, W: number, H: number, o: DisOptions): Scratch {
  const wasm = o.backend === 'wasm' && o.patchSize % 4 === 0 ? wasmKernels() : null;
  const vrOn = o.variationalRefinementIterations > 0;
  const key = `${W}x${H}/${w}x${h}/${o.patchSize}/${o.patchStride}/${vrOn}/${wasm ? 'wasm' : 'js'}`;
  if (cached?.key === key) return cached;
  const B = SEARCH_BORDER;
  const n = w * h;
  const ws = 1 + Math.floor((w - o.patchSize) / o.patchStride);
  const cells = ws * (1 + Math.floor((h - o.patchSize) / o.patchStride));
  const vrLength = vrOn && wasm ? WasmKernels.variationalWorkspaceLength(w, h) : 0;
  const outLength = wasm ? 2 * W * H : 0;
  const upLength = wasm ? WasmKernels.upsampleScratchLength(w, W) : 0;
  const lengths = [
    n, n, (w + 2 * B) * (h + 2 * B), n, n, cells, cells, cells, cells, cells, cells, cells, n, n, n, n, n, vrLength, outLength, upLength,
  ];
  const a = wasm ? wasm.alloc(lengths) : lengths.map((len) => new Float32Array(len));
  const [i0, i1, i1ext, gx, gy, xx, yy, xy, x, y, sx, sy, wsum, u0, v0, u1, v1, vrWasm, out, upScratch] = a as [
    Float32Array, Float32Array, Float32Array, Float32Array, Float32Array, Float32Array, Float32Array, Float32Array,
    Float32Array, Float32Array, Float32Array, Float32Array, Float32Array, Float32Array, Float32Array, Float32Array,
    Float32Array, Float32Array, Float32Array, Float32Array,
  ];
  cached = {
    key,
    wasm,
    i0,
    i1,
    i1ext,
    gx,
    gy,
    st: { xx, yy, xy, x, y },
    stAux: new Float32Array(5 * h * ws),
    sx,
    sy,
    wsum,
    flow: [u0, v0, u1, v1],
    vr: vrOn && !wasm ? createVariationalWorkspace(w, h) : undefined,
    vrWasm: vrOn && wasm ? vrWasm : undefined,
    out: wasm ? out : undefined,
    upScratch: wasm ? upScratch : undefined,
  };
  return cached;
}

export function coarsestScale(width: number, height: number, o: DisOptions): number {
  const byMotion = Math.trunc(Math.log2(Math.max(width, height) / (4 * o.patchSize)) + 0.5);
  const bySize = Math.trunc(Math.log2(Math.floor(Math.min(width, height) / o.patchSize)));
  return Math.max(finestScaleFor(width, height, o), Math.min(byMotion, bySize));
}

/** The requested finest scale, lowered when that level would be smaller than one patch. */
function finestScaleFor(width: number, height: number, o: DisOptions): number {
  let f = o.finestScale;
  while (f > 0 && Math.min(width, height) / 2 ** f < o.patchSize) f--;
  return f;
}

/** Flow from a to b: a(x) ≈ b(x + f(x)). Options default to the "fast" preset. */
export function disFlow(a: GrayImage, b: GrayImage, opts: DisUserOptions = {}): FlowField {
  const o = resolveDisOptions(opts);
  const W = a.width;
  const H = a.height;
  if (b.width !== W || b.height !== H) throw new RangeError(`disFlow: size mismatch ${W}x${H} vs ${b.width}x${b.height}`);
  if (a.data.length < W * H || b.data.length < W * H) throw new RangeError('disFlow: image data shorter than width*height');
  if (Math.min(W, H) < o.patchSize) throw new RangeError(`disFlow: image ${W}x${H} smaller than the patch size ${o.patchSize}`);
  const finest = finestScaleFor(W, H, o);
  const coarsest = coarsestScale(W, H, o);
  const levels = buildPyramid(a, b, finest, coarsest);

  const top = levels[0]!;
  const B = SEARCH_BORDER;
  const psz = o.patchSize;
  const stride = o.patchStride;
  // Scratch shared by the levels, reused across calls of the same geometry.
  const sc = scratchFor(top.w, top.h, W, H, o);
  const { wasm, i1ext, gx, gy, st, stAux, sx, sy, wsum, vr, vrWasm } = sc;
  const vrOptions: VariationalOptions = {
    alpha: o.variationalRefinementAlpha,
    delta: o.variationalRefinementDelta,
    gamma: o.variationalRefinementGamma,
    fixedPointIterations: o.variationalRefinementIterations,
    sorIterations: o.variationalRefinementSorIterations,
    omega: VARIATIONAL_DEFAULTS.omega,
  };
  let [ux, uy, nextU, nextV] = sc.flow;
  const coarse = levels[levels.length - 1]!;
  ux.fill(0, 0, coarse.w * coarse.h);
  uy.fill(0, 0, coarse.w * coarse.h);

  for (let li = levels.length - 1; li >= 0; li--) {
    const { w, h } = levels[li]!;
    const n = w * h;
    // The wasm kernels read the level images from their own memory: one copy in per level.
    const i0 = wasm ? stage(levels[li]!.i0, sc.i0, n) : levels[li]!.i0;
    const i1 = wasm ? stage(levels[li]!.i1, sc.i1, n) : levels[li]!.i1;
    const ws = 1 + Math.floor((w - psz) / stride);
    const hs = 1 + Math.floor((h - psz) / stride);
    // Unnormalised Sobel gradients, as OpenCV (see patch-search.ts on the resulting step size).
    sobel3x3(i0, w, h, gx, gy);
    const lv: SearchLevel = { w, h, i0, i1ext: padReplicate(i1, w, h, B, i1ext), ix: gx, iy: gy };
    structureTensor(gx, gy, w, h, psz, stride, ws, hs, st, stAux);
    const dense: DensifyInput = { w, h, i0, i1, sx, sy, ws, hs, patchSize: psz, patchStride: stride };
    if (wasm) {
      wasm.patchInverseSearch(lv, ux, uy, st, ws, hs, o, sx, sy);
      wasm.densify(dense, ux, uy, wsum);
      if (vrWasm) wasm.variationalRefine(i0, i1, w, h, ux, uy, vrOptions, vrWasm);
    } else {
      patchInverseSearch(lv, ux, uy, st, ws, hs, o, sx, sy);
      densify(dense, ux, uy, wsum);
      if (vr) variationalRefine(i0, i1, w, h, ux, uy, vrOptions, vr);
    }
    if (li > 0) {
      const next = levels[li - 1]!;
      const nn = next.w * next.h;
      resizeBilinear(ux.subarray(0, n), w, h, next.w, next.h, nextU.subarray(0, nn));
      resizeBilinear(uy.subarray(0, n), w, h, next.w, next.h, nextV.subarray(0, nn));
      for (let p = 0; p < nn; p++) {
        nextU[p] = nextU[p]! * 2;
        nextV[p] = nextV[p]! * 2;
      }
      [ux, uy, nextU, nextV] = [nextU, nextV, ux, uy];
    }
  }

  let data: Float32Array;
  if (wasm && sc.out && sc.upScratch) {
    wasm.upsampleFlow(ux, uy, top.w, top.h, W, H, 2 ** finest, sc.out, sc.upScratch);
    data = sc.out.slice(); // the caller owns its result; the wasm plane is reused by the next call
  } else {
    data = upsampleInterleaved(ux, uy, top.w, top.h, W, H, 2 ** finest);
  }
  return { width: W, height: H, data };
}

/**
 * Bilinear (pixel-centre aligned) upsampling of the two flow planes into interleaved output,
 * times `scale`. Separable: each output row first blends its two source rows into a short
 * scratch row, then interpolates horizontally from it.
 */
function upsampleInterleaved(ux: Float32Array, uy: Float32Array, w: number, h: number, W: number, H: number, scale: number): Float32Array {
  const out = new Float32Array(W * H * 2);
  const x0s = new Int32Array(W);
  const dxs = new Int32Array(W);
  const axs = new Float32Array(W);
  for (let x = 0; x < W; x++) {
    let sx = ((x + 0.5) * w) / W - 0.5;
    sx = sx < 0 ? 0 : sx > w - 1 ? w - 1 : sx;
    const x0 = Math.floor(sx);
    x0s[x] = x0;
    dxs[x] = x0 < w - 1 ? 1 : 0;
    axs[x] = sx - x0;
  }
  const rowU = new Float64Array(w);
  const rowV = new Float64Array(w);
  for (let y = 0; y < H; y++) {
    let sy = ((y + 0.5) * h) / H - 0.5;
    sy = sy < 0 ? 0 : sy > h - 1 ? h - 1 : sy;
    const y0 = Math.floor(sy);
    const r0 = y0 * w;
    const r1 = y0 < h - 1 ? r0 + w : r0;
    const ay = sy - y0;
    for (let x = 0; x < w; x++) {
      const a = ux[r0 + x]!, b = uy[r0 + x]!;
      rowU[x] = scale * (a + ay * (ux[r1 + x]! - a));
      rowV[x] = scale * (b + ay * (uy[r1 + x]! - b));
    }
    let o = 2 * y * W;
    for (let x = 0; x < W; x++, o += 2) {
      const x0 = x0s[x]!, x1 = x0 + dxs[x]!, ax = axs[x]!;
      const u0 = rowU[x0]!, v0 = rowV[x0]!;
      out[o] = u0 + ax * (rowU[x1]! - u0);
      out[o + 1] = v0 + ax * (rowV[x1]! - v0);
    }
  }
  return out;
}
