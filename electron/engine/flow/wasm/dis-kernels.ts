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
}

const EXPORTED_FUNCTIONS = ['heapBase', 'patchSearch', 'densify', 'variationalRefine', 'upsampleFlow', 'toHwc', 'warpHwc'] as const;
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

  private ptr(a: Float32Array | Int32Array): number {
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
}
