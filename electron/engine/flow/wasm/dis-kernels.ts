/**
 * Node / worker loader of dis-kernels.wasm (the DIS hot loops in WebAssembly SIMD, source in
 * assembly/) and typed wrappers with the same signatures as the TypeScript kernels they mirror.
 * The module is compiled synchronously once per process; each caller owns one instance (its own
 * linear memory). Arrays handed to the wrappers must be views into that memory, obtained from
 * `WasmKernels.alloc`: the kernels then read and write them in place, with no copies.
 */
import { readFileSync } from 'node:fs';
import type { StructureTensor } from '../structure-tensor.ts';
import type { SearchLevel, SearchParams } from '../patch-search.ts';
import type { DensifyInput } from '../densify.ts';
import type { VariationalOptions } from '../variational-refinement.ts';
import { WASM_FILE } from './source-hash.ts';

interface Exports {
  memory: WebAssembly.Memory;
  heapBase(): number;
  patchSearch(
    i0: number, i1ext: number, ix: number, iy: number, w: number, h: number, ux: number, uy: number,
    stXX: number, stYY: number, stXY: number, stX: number, stY: number,
    ws: number, hs: number, psz: number, stride: number, iterations: number, flags: number, sx: number, sy: number,
  ): void;
  densify(
    i0: number, i1: number, w: number, h: number, sx: number, sy: number, ws: number, hs: number, psz: number, stride: number,
    ux: number, uy: number, wsum: number,
  ): void;
  variationalRefine(
    i0: number, i1: number, w: number, h: number, u: number, v: number,
    alpha: number, delta: number, gamma: number, fixedPointIterations: number, sorIterations: number, omega: number, wsp: number,
  ): void;
  upsampleFlow(ux: number, uy: number, w: number, h: number, W: number, H: number, scale: number, out: number, scratch: number): void;
  toHwc(src: number, C: number, n: number, dst: number): void;
  warpHwc(src: number, C: number, n: number, base: number, dxs: number, dys: number, axs: number, ays: number, out: number): void;
  softmax(d: number, C: number, np: number): void;
  cellArgMax(d: number, C: number, np: number, arg: number, mx: number): void;
  labelRows(
    d: number, C: number, np: number, gw: number, gh: number, arg: number, mx: number,
    xi0: number, xi1: number, xw: number, W: number, yi0: number, yi1: number, yw: number, H: number,
    uni: number, hrow: number, lrow: number, mix: number, vrow: number, labels: number, conf: number,
  ): void;
  preprocessRgba(
    src: number, fw: number, xa: number, xb: number, xw: number, W: number, ya: number, yb: number, yw: number, H: number,
    mul: number, add: number, dst: number, base0: number, base1: number, base2: number, lane0: number, lane1: number, lane2: number, step: number,
  ): void;
  preprocessPlanar(
    src: number, fw: number, xa: number, xb: number, xw: number, W: number, ya: number, yb: number, yw: number, H: number,
    mul: number, add: number, dst: number, lane0: number, lane1: number, lane2: number, rows: number,
  ): void;
  grayAreaDown(
    src: number, srcW: number, srcH: number, dstW: number, dstH: number,
    xStart: number, xIndex: number, xWeight: number, yStart: number, yIndex: number, yWeight: number, rows: number, out: number, grey: number,
  ): void;
  countClasses(src: number, n: number, C: number, counts: number): void;
  pngFilterUp(src: number, width: number, height: number, dst: number): void;
}

const EXPORTED_FUNCTIONS = ['heapBase', 'patchSearch', 'densify', 'variationalRefine', 'upsampleFlow', 'toHwc', 'warpHwc', 'softmax', 'cellArgMax', 'labelRows', 'preprocessRgba', 'preprocessPlanar', 'grayAreaDown', 'countClasses', 'pngFilterUp'] as const;
const PAGE = 65536;

let compiled: WebAssembly.Module | null | undefined;
/** Why the module could not be loaded (for diagnostics), when it could not. */
export let wasmLoadError: string | undefined;

function compile(): WebAssembly.Module | null {
  if (compiled !== undefined) return compiled;
  try {
    compiled = new WebAssembly.Module(readFileSync(WASM_FILE));
  } catch (e) {
    wasmLoadError = e instanceof Error ? e.message : String(e);
    compiled = null;
  }
  return compiled;
}

function isExports(x: WebAssembly.Exports): x is WebAssembly.Exports & Exports {
  return x.memory instanceof WebAssembly.Memory && EXPORTED_FUNCTIONS.every((f) => typeof x[f] === 'function');
}

/** One instance of the kernels with its linear memory and a bump allocator over it. */
export class WasmKernels {
  private readonly x: Exports;
  private readonly base: number;
  private top: number;

  private constructor(x: Exports) {
    this.x = x;
    this.base = (x.heapBase() + 15) & ~15;
    this.top = this.base;
  }

  /** A new instance, or null when WebAssembly (SIMD) or the module file is unavailable. */
  static create(): WasmKernels | null {
    const m = compile();
    if (!m) return null;
    try {
      const inst = new WebAssembly.Instance(m, {});
      if (!isExports(inst.exports)) throw new Error('dis-kernels.wasm lacks an expected export');
      return new WasmKernels(inst.exports);
    } catch (e) {
      wasmLoadError = e instanceof Error ? e.message : String(e);
      return null;
    }
  }

  /**
   * Frees every earlier allocation, then returns one Float32Array view per requested length,
   * 16-byte aligned, growing the memory once if needed. Views from earlier calls may be detached.
   */
  alloc(lengths: readonly number[]): Float32Array[] {
    let top = this.base;
    const offsets = lengths.map((n) => {
      const o = top;
      top += (n * 4 + 15) & ~15;
      return o;
    });
    const have = this.x.memory.buffer.byteLength;
    if (top > have) this.x.memory.grow(Math.ceil((top - have) / PAGE));
    this.top = top;
    const buf = this.x.memory.buffer;
    return lengths.map((n, i) => new Float32Array(buf, offsets[i], n));
  }

  /** Bytes of linear memory in use by the current allocation. */
  get bytesInUse(): number {
    return this.top - this.base;
  }

  private ptr(a: Float32Array | Int32Array | Uint32Array | Uint8Array): number {
    if (a.buffer !== this.x.memory.buffer) throw new Error('WasmKernels: array is not a view into this instance\'s memory');
    return a.byteOffset;
  }

  /** patchInverseSearch (../patch-search.ts); p.patchSize must be a multiple of 4. */
  patchInverseSearch(
    lv: SearchLevel, ux: Float32Array, uy: Float32Array, st: StructureTensor, ws: number, hs: number, p: SearchParams,
    sx: Float32Array, sy: Float32Array,
  ): void {
    if (p.patchSize % 4 !== 0) throw new RangeError('WasmKernels.patchInverseSearch: patchSize must be a multiple of 4');
    const flags = (p.useMeanNormalization ? 1 : 0) | (p.useSpatialPropagation ? 2 : 0);
    this.x.patchSearch(
      this.ptr(lv.i0), this.ptr(lv.i1ext), this.ptr(lv.ix), this.ptr(lv.iy), lv.w, lv.h, this.ptr(ux), this.ptr(uy),
      this.ptr(st.xx), this.ptr(st.yy), this.ptr(st.xy), this.ptr(st.x), this.ptr(st.y),
      ws, hs, p.patchSize, p.patchStride, p.gradientDescentIterations, flags, this.ptr(sx), this.ptr(sy),
    );
  }

  /** densify (../densify.ts). */
  densify(d: DensifyInput, ux: Float32Array, uy: Float32Array, wsum: Float32Array): void {
    this.x.densify(
      this.ptr(d.i0), this.ptr(d.i1), d.w, d.h, this.ptr(d.sx), this.ptr(d.sy), d.ws, d.hs, d.patchSize, d.patchStride,
      this.ptr(ux), this.ptr(uy), this.ptr(wsum),
    );
  }

  /** Floats of workspace variationalRefine needs for a w x h level. */
  static variationalWorkspaceLength(w: number, h: number): number {
    return 17 * w * h + 3 * (w + 2) * (h + 2);
  }

  /** variationalRefine (../variational-refinement.ts) with all options given; wsp from variationalWorkspaceLength. */
  variationalRefine(
    i0: Float32Array, i1: Float32Array, w: number, h: number, u: Float32Array, v: Float32Array, o: VariationalOptions, wsp: Float32Array,
  ): void {
    if (wsp.length < WasmKernels.variationalWorkspaceLength(w, h)) throw new RangeError('WasmKernels.variationalRefine: workspace too small');
    this.x.variationalRefine(
      this.ptr(i0), this.ptr(i1), w, h, this.ptr(u), this.ptr(v),
      o.alpha, o.delta, o.gamma, o.fixedPointIterations, o.sorIterations, o.omega, this.ptr(wsp),
    );
  }

  /** Floats of scratch upsampleFlow needs for w x h planes to W x H output. */
  static upsampleScratchLength(w: number, W: number): number {
    return 5 * W + 2 * w;
  }

  /**
   * upsampleInterleaved (../dis.ts): bilinear upsampling of (ux, uy), w x h, times `scale`, into
   * `out` as interleaved (u, v) pairs of W x H pixels.
   */
  upsampleFlow(
    ux: Float32Array, uy: Float32Array, w: number, h: number, W: number, H: number, scale: number, out: Float32Array, scratch: Float32Array,
  ): void {
    if (out.length < 2 * W * H || scratch.length < WasmKernels.upsampleScratchLength(w, W)) throw new RangeError('WasmKernels.upsampleFlow: buffers too small');
    this.x.upsampleFlow(this.ptr(ux), this.ptr(uy), w, h, W, H, scale, this.ptr(out), this.ptr(scratch));
  }

  /**
   * assembly/warp.ts: CHW planes of n floats -> HWC rows of C floats (C and n multiples of 4;
   * src and dst must not overlap).
   */
  toHwc(src: Float32Array, C: number, n: number, dst: Float32Array): void {
    if (C % 4 !== 0 || n % 4 !== 0 || src.length < C * n || dst.length < C * n) throw new RangeError('WasmKernels.toHwc: sizes must be multiples of 4 and fit the buffers');
    this.x.toHwc(this.ptr(src), C, n, this.ptr(dst));
  }

  /**
   * assembly/warp.ts: bilinear taps of an HWC source (from toHwc) into CHW `out`, per pixel p:
   * base[p] (pixel index of the top-left sample), dx[p] (0 or 1), dy[p] (0 or the row width),
   * ax[p], ay[p] (warp-tensor.ts computes them). C and n multiples of 4.
   */
  warpHwc(src: Float32Array, C: number, n: number, base: Int32Array, dx: Int32Array, dy: Int32Array, ax: Float32Array, ay: Float32Array, out: Float32Array): void {
    if (C % 4 !== 0 || n % 4 !== 0 || src.length < C * n || out.length < C * n || [base, dx, dy, ax, ay].some((a) => a.length < n)) {
      throw new RangeError('WasmKernels.warpHwc: sizes must be multiples of 4 and fit the buffers');
    }
    this.x.warpHwc(this.ptr(src), C, n, this.ptr(base), this.ptr(dx), this.ptr(dy), this.ptr(ax), this.ptr(ay), this.ptr(out));
  }

  /** assembly/labels.ts: in-place softmax over C planes of np floats (np a multiple of 4). */
  softmax(d: Float32Array, C: number, np: number): void {
    if (np % 4 !== 0 || d.length < C * np) throw new RangeError('WasmKernels.softmax: np must be a multiple of 4 and the planes fit d');
    this.x.softmax(this.ptr(d), C, np);
  }

  /** assembly/labels.ts: per cell of C planes of np floats, the argmax channel and its value. */
  cellArgMax(d: Float32Array, C: number, np: number, arg: Int32Array, mx: Float32Array): void {
    if (np % 4 !== 0 || d.length < C * np || arg.length < np || mx.length < np) throw new RangeError('WasmKernels.cellArgMax: np must be a multiple of 4 and fit the buffers');
    this.x.cellArgMax(this.ptr(d), C, np, this.ptr(arg), this.ptr(mx));
  }

  /**
   * assembly/labels.ts: labels and confidence at W x H from a gw x gh grid (after cellArgMax), with
   * bilinear tables for both axes. d, arg and mx must be readable 4 floats past their last row
   * (the rows are blended 4 cells at a time); labels and conf need Wp - W spare bytes (Wp = W
   * rounded up to a multiple of 4); scratch: uni gw, hrow gh x Wp, lrow Wp, mix W, vrow C x gwp
   * (gwp = gw rounded up to a multiple of 4).
   */
  labelRows(g: LabelGrid, xs: AxisTableView, ys: AxisTableView, s: LabelScratch, labels: Uint8Array, conf: Uint8Array): void {
    const W = xs.i0.length;
    const H = ys.i0.length;
    const Wp = (W + 3) & ~3;
    const gwp = (g.gw + 3) & ~3;
    const ok = labels.length >= W * H + Wp - W && conf.length >= W * H + Wp - W && s.uni.length >= g.gw && s.hrow.length >= g.gh * Wp &&
      s.lrow.length >= Wp && s.mix.length >= W && s.vrow.length >= g.C * gwp;
    if (!ok) throw new RangeError('WasmKernels.labelRows: buffers too small');
    this.x.labelRows(
      this.ptr(g.d), g.C, g.np, g.gw, g.gh, this.ptr(g.arg), this.ptr(g.mx),
      this.ptr(xs.i0), this.ptr(xs.i1), this.ptr(xs.w), W, this.ptr(ys.i0), this.ptr(ys.i1), this.ptr(ys.w), H,
      this.ptr(s.uni), this.ptr(s.hrow), this.ptr(s.lrow), this.ptr(s.mix), this.ptr(s.vrow), this.ptr(labels), this.ptr(conf),
    );
  }

  /** assembly/preprocess.ts: bilinear resize + normalisation of an RGBA frame into a model input tensor. */
  preprocessRgba(c: PreprocessCall): void {
    const { W, H } = c;
    const last = Math.max(...c.base) + (W * H - 1) * c.step;
    if (c.dst.length <= last || c.xa.length < W || c.ya.length < H || c.mul.length < 4 || c.add.length < 4 || c.lane.some((l) => l < 0 || l > 3)) {
      throw new RangeError('WasmKernels.preprocessRgba: buffers too small or bad lanes');
    }
    this.x.preprocessRgba(
      this.ptr(c.src), c.fw, this.ptr(c.xa), this.ptr(c.xb), this.ptr(c.xw), W, this.ptr(c.ya), this.ptr(c.yb), this.ptr(c.yw), H,
      this.ptr(c.mul), this.ptr(c.add), this.ptr(c.dst), c.base[0], c.base[1], c.base[2], c.lane[0], c.lane[1], c.lane[2], c.step,
    );
  }

  /**
   * assembly/preprocess.ts: preprocessRgba for NCHW tensors (planes at 0, W*H, 2*W*H), separably;
   * the x tables hold Wp = W rounded up to 4 entries, rows is 6 * Wp floats of scratch.
   */
  preprocessPlanar(c: PreprocessCall, rows: Float32Array): void {
    const { W, H } = c;
    const Wp = (W + 3) & ~3;
    if (c.step !== 1 || c.base[0] !== 0 || c.base[1] !== W * H || c.base[2] !== 2 * W * H) throw new RangeError('WasmKernels.preprocessPlanar: NCHW layout only');
    if (c.dst.length < 3 * W * H || c.xa.length < Wp || c.xb.length < Wp || c.xw.length < Wp || c.ya.length < H || rows.length < 6 * Wp || c.lane.some((l) => l < 0 || l > 2)) {
      throw new RangeError('WasmKernels.preprocessPlanar: buffers too small or bad lanes');
    }
    this.x.preprocessPlanar(
      this.ptr(c.src), c.fw, this.ptr(c.xa), this.ptr(c.xb), this.ptr(c.xw), W, this.ptr(c.ya), this.ptr(c.yb), this.ptr(c.yw), H,
      this.ptr(c.mul), this.ptr(c.add), this.ptr(c.dst), c.lane[0], c.lane[1], c.lane[2], this.ptr(rows),
    );
  }

  /**
   * assembly/gray-area.ts: grayAreaDown (../../image/gray-area.ts), bit-identical. Taps as areaTaps
   * returns them (views into this memory); rows: dstW x srcH floats of scratch; out: dstW x dstH;
   * grey: srcW floats of scratch (one row's grey values).
   */
  grayAreaDown(src: Uint8Array, srcW: number, srcH: number, x: GrayTaps, y: GrayTaps, rows: Float32Array, out: Float32Array, grey: Float32Array): void {
    const dstW = x.start.length - 1;
    const dstH = y.start.length - 1;
    if (src.length < srcW * srcH * 4 || rows.length < dstW * srcH || out.length < dstW * dstH || grey.length < srcW) throw new RangeError('WasmKernels.grayAreaDown: buffers too small');
    this.x.grayAreaDown(
      this.ptr(src), srcW, srcH, dstW, dstH, this.ptr(x.start), this.ptr(x.index), this.ptr(x.weight),
      this.ptr(y.start), this.ptr(y.index), this.ptr(y.weight), this.ptr(rows), this.ptr(out), this.ptr(grey),
    );
  }

  /** assembly/outputs.ts: counts[k] = bytes of value k in src, for k < counts.length. */
  countClasses(src: Uint8Array, counts: Uint32Array): void {
    this.x.countClasses(this.ptr(src), src.length, counts.length, this.ptr(counts));
  }

  /** assembly/outputs.ts: PNG scanlines of a width x height grey image, "up" filter (row 0 none). */
  pngFilterUp(src: Uint8Array, width: number, height: number, dst: Uint8Array): void {
    if (src.length < width * height || dst.length < (width + 1) * height) throw new RangeError('WasmKernels.pngFilterUp: buffers too small');
    this.x.pngFilterUp(this.ptr(src), width, height, this.ptr(dst));
  }
}

/** Area-resize taps of one axis (image/resize-area.ts Taps) in an instance's memory. */
export interface GrayTaps {
  start: Int32Array;
  index: Int32Array;
  weight: Float32Array;
}

/**
 * assembly/preprocess.ts's inputs, all views into one instance's memory: the RGBA frame (fw
 * pixels wide), per output column the byte offsets of its two taps within a row (xa, xb) and the
 * weight of the second (xw), per output row the two source rows (ya, yb) and weight (yw); mul and
 * add (4 floats) per RGBA byte; the output tensor: channel k at element base[k] + p * step, reading
 * RGBA byte lane[k].
 */
export interface PreprocessCall {
  src: Uint8Array;
  fw: number;
  /** Tensor width and height. */
  W: number;
  H: number;
  xa: Int32Array;
  xb: Int32Array;
  xw: Float32Array;
  ya: Int32Array;
  yb: Int32Array;
  yw: Float32Array;
  mul: Float32Array;
  add: Float32Array;
  dst: Float32Array;
  base: readonly [number, number, number];
  lane: readonly [number, number, number];
  step: number;
}

/** A probability grid in the instance's memory: C planes of np floats (gw wide), and its cellArgMax. */
export interface LabelGrid {
  d: Float32Array;
  C: number;
  np: number;
  gw: number;
  gh: number;
  arg: Int32Array;
  mx: Float32Array;
}

/** Bilinear sampling tables of one axis (model/resample.ts AxisTable) in the instance's memory. */
export interface AxisTableView {
  i0: Int32Array;
  i1: Int32Array;
  w: Float32Array;
}

export interface LabelScratch {
  uni: Int32Array;
  hrow: Float32Array;
  lrow: Uint8Array;
  mix: Int32Array;
  vrow: Float32Array;
}
