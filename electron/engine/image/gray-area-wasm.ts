/**
 * grayAreaDown's WebAssembly path (kernel: ../flow/wasm/assembly/gray-area.ts, bit-identical to the
 * TypeScript reference): the frame is copied into the instance's memory, the taps are laid out
 * there once per size, and the grey plane is copied out as a new array (callers keep key frames'
 * grey images).
 */
import { WasmKernels, type GrayTaps } from '../flow/wasm/dis-kernels.ts';
import { areaTaps, type Taps } from './resize-area.ts';

export interface GrayAreaWasm {
  key: string;
  k: WasmKernels;
  src: Uint8Array;
  x: GrayTaps;
  y: GrayTaps;
  rows: Float32Array;
  out: Float32Array;
  grey: Float32Array;
}

function setUp(k: WasmKernels, srcW: number, srcH: number, dstW: number, dstH: number): GrayAreaWasm {
  const tx = areaTaps(srcW, dstW);
  const ty = areaTaps(srcH, dstH);
  const [src, xs, xi, xw, ys, yi, yw, rows, out, grey] = k.alloc([srcW * srcH, tx.start.length, tx.index.length, tx.weight.length, ty.start.length, ty.index.length, ty.weight.length, dstW * srcH, dstW * dstH, srcW]) as [
    Float32Array, Float32Array, Float32Array, Float32Array, Float32Array, Float32Array, Float32Array, Float32Array, Float32Array, Float32Array,
  ];
  const i32 = (a: Float32Array): Int32Array => new Int32Array(a.buffer, a.byteOffset, a.length);
  const place = (t: Taps, s: Float32Array, i: Float32Array, w: Float32Array): GrayTaps => {
    const v = { start: i32(s), index: i32(i), weight: w };
    v.start.set(t.start);
    v.index.set(t.index);
    v.weight.set(t.weight);
    return v;
  };
  return { key: `${srcW}x${srcH}>${dstW}x${dstH}`, k, src: new Uint8Array(src.buffer, src.byteOffset, srcW * srcH * 4), x: place(tx, xs, xi, xw), y: place(ty, ys, yi, yw), rows, out, grey };
}

/** grayAreaDown in WebAssembly; undefined when unavailable. `state` carries the instance between frames. */
export function grayAreaDownWasm(rgba: Uint8Array | Uint8ClampedArray, srcW: number, srcH: number, dstW: number, dstH: number, state: { wasm?: GrayAreaWasm | null }): Float32Array | undefined {
  if (state.wasm === null) return undefined;
  if (state.wasm?.key !== `${srcW}x${srcH}>${dstW}x${dstH}`) {
    const k = state.wasm?.k ?? WasmKernels.create();
    state.wasm = k ? setUp(k, srcW, srcH, dstW, dstH) : null;
    if (!state.wasm) return undefined;
  }
  const s = state.wasm;
  s.src.set(rgba.subarray(0, s.src.length));
  s.k.grayAreaDown(s.src, srcW, srcH, s.x, s.y, s.rows, s.out, s.grey);
  return s.out.slice();
}
