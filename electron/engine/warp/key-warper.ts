/**
 * Repeated backward bilinear warps of one source tensor (a key frame's features) along a new flow
 * each frame: the same result as warpTensor, computed by the WebAssembly SIMD kernels of
 * ../flow/wasm (assembly/warp.ts). The source is copied into the module's memory and laid out as
 * HWC once per key (a warp's 4 taps are then contiguous runs of channels), so each later frame
 * costs only its taps and the blend: measured 256 channels on a 60x44 grid in ~0.6 ms against
 * ~5.4 ms for warpTensor (docs/bench-results.md). Falls back to warpTensor where WebAssembly SIMD
 * or the module is unavailable.
 *
 * Contract: a source is recognised by its data array; it must not be modified in place while it
 * is the warper's source (the key-frame modes keep key tensors immutable).
 */
import { WasmKernels } from '../flow/wasm/dis-kernels.ts';
import type { FlowField, Tensor3 } from '../../core/types.ts';
import { flowResize } from '../../core/warp/flow-resize.ts';
import { computeTaps, warpTensor, type Taps } from './warp-tensor.ts';

const up4 = (x: number): number => (x + 3) & ~3;

interface Layout {
  C: number;
  w: number;
  h: number;
  /** Channels and pixels padded to multiples of 4. */
  Cp: number;
  np: number;
  hwc: Float32Array;
  /** CHW output planes of np floats; also the staging area when a new source is laid out. */
  planes: Float32Array;
  taps: Taps;
  /** Flow resampled to the tensor grid. */
  flow: Float32Array;
}

export class KeyWarper {
  private kernels: WasmKernels | null | undefined;
  private layout: Layout | undefined;
  /** The data array of the source now laid out in `layout.hwc`. */
  private source: Float32Array | undefined;
  /** warpTransient's buffer where the result cannot stay in WebAssembly memory. */
  private scratch: Float32Array | undefined;

  /** 'js' forces warpTensor (tests, comparisons). */
  constructor(private readonly backend: 'wasm' | 'js' = 'wasm') {}

  /** Whether warps run in WebAssembly (false: the warpTensor fallback). */
  get usesWasm(): boolean {
    if (this.backend === 'js') return false;
    if (this.kernels === undefined) this.kernels = WasmKernels.create();
    return this.kernels !== null;
  }

  /** out(x) = src(x + f(x)) on the tensor's grid, as warpTensor (flow of any size, clamped border). */
  warp(src: Tensor3, flow: FlowField, out?: Float32Array): Tensor3 {
    const { channels: C, width: w, height: h } = src;
    const n = w * h;
    const dst = out ?? new Float32Array(C * n);
    if (dst.length < C * n) throw new RangeError('KeyWarper: out buffer too small');
    if (!this.usesWasm) return warpTensor(src, flow, { out: dst });
    const L = this.warpPlanes(src, flow, dst);
    if (L.np === n) dst.set(L.planes.subarray(0, C * n));
    else for (let c = 0; c < C; c++) dst.set(L.planes.subarray(c * L.np, c * L.np + n), c * n);
    return { channels: C, width: w, height: h, data: dst };
  }

  /**
   * warp() into the warper's own memory, with no copy where the planes need no compaction (pixels a
   * multiple of 4): for a result consumed before the next warp (the head's input, the deviation).
   * Valid until this warper's next warp or prepare.
   */
  warpTransient(src: Tensor3, flow: FlowField): Tensor3 {
    const { channels: C, width: w, height: h } = src;
    const n = w * h;
    if (!this.usesWasm || up4(n) !== n) {
      if (this.scratch?.length !== C * n) this.scratch = new Float32Array(C * n);
      return this.warp(src, flow, this.scratch);
    }
    const L = this.warpPlanes(src, flow, undefined);
    return { channels: C, width: w, height: h, data: L.planes.subarray(0, C * n) };
  }

  /** The warp in WebAssembly, left in the layout's CHW planes (np floats each). */
  private warpPlanes(src: Tensor3, flow: FlowField, out: Float32Array | undefined): Layout {
    const k = this.kernels!;
    const { channels: C, width: w, height: h } = src;
    const n = w * h;
    if (src.data.length < C * n) throw new RangeError('KeyWarper: data shorter than channels*height*width');
    if (out === src.data) throw new RangeError('KeyWarper: out must not alias the source');
    const L = this.layoutFor(k, C, w, h);
    if (this.source !== src.data) this.lay(k, L, src.data);
    const f = flow.width === w && flow.height === h ? flow.data : flowResize(flow, w, h, L.flow).data;
    computeTaps(f, w, h, L.taps);
    // Padding pixels sample pixel 0 with zero weights: finite values, never copied out.
    for (let p = n; p < L.np; p++) {
      L.taps.base[p] = L.taps.dxs[p] = L.taps.dys[p] = 0;
      L.taps.axs[p] = L.taps.ays[p] = 0;
    }
    const t = L.taps;
    k.warpHwc(L.hwc, L.Cp, L.np, t.base, t.dxs, t.dys, t.axs, t.ays, L.planes);
    return L;
  }

  /**
   * Lays out `src` now, so that its first warp does not pay for it: for work between frames (the
   * low-latency schedule's new key, ready before the frame that will switch to it arrives).
   */
  prepare(src: Tensor3): void {
    if (!this.usesWasm) return;
    const L = this.layoutFor(this.kernels!, src.channels, src.width, src.height);
    if (src.data.length < src.channels * src.width * src.height) throw new RangeError('KeyWarper: data shorter than channels*height*width');
    if (this.source !== src.data) this.lay(this.kernels!, L, src.data);
  }

  /** Forgets the laid-out source (the next warp lays out its source again). */
  reset(): void {
    this.source = undefined;
  }

  private layoutFor(k: WasmKernels, C: number, w: number, h: number): Layout {
    const L = this.layout;
    if (L && L.C === C && L.w === w && L.h === h) return L;
    const Cp = up4(C);
    const np = up4(w * h);
    // alloc() frees the previous layout's views: the source must be laid out again.
    const [hwc, planes, base, dxs, dys, axs, ays, flow] = k.alloc([Cp * np, Cp * np, np, np, np, np, np, 2 * w * h]) as [
      Float32Array, Float32Array, Float32Array, Float32Array, Float32Array, Float32Array, Float32Array, Float32Array,
    ];
    const i32 = (a: Float32Array): Int32Array => new Int32Array(a.buffer, a.byteOffset, a.length);
    this.source = undefined;
    this.layout = { C, w, h, Cp, np, hwc, planes, flow, taps: { base: i32(base), dxs: i32(dxs), dys: i32(dys), axs, ays } };
    return this.layout;
  }

  /** Copies `data` (CHW, n floats per plane) into the padded staging planes and lays it out as HWC. */
  private lay(k: WasmKernels, L: Layout, data: Float32Array): void {
    const n = L.w * L.h;
    L.planes.fill(0);
    if (L.np === n) L.planes.set(data.subarray(0, L.C * n));
    else for (let c = 0; c < L.C; c++) L.planes.set(data.subarray(c * n, c * n + n), c * L.np);
    k.toHwc(L.planes, L.Cp, L.np, L.hwc);
    this.source = data;
  }
}
