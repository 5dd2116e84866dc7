/**
 * preprocess()'s WebAssembly SIMD path (kernel: ../flow/wasm/assembly/preprocess.ts): the frame is
 * copied into the instance's memory, resized and normalised there, and the tensor copied out. The
 * sampling tables are kept while frame size and input spec stay the same. Same values as the
 * TypeScript reference within f32 rounding (it computes in f64).
 */
import { WasmKernels, type PreprocessCall } from '../flow/wasm/dis-kernels.ts';
import type { InputSpec } from './manifest.ts';
import type { RgbaFrame } from './preprocess.ts';
import { bilinearAxis } from './resample.ts';

interface State {
  key: string;
  call: PreprocessCall;
}

let kernels: WasmKernels | null | undefined;
let state: State | undefined;

function setUp(k: WasmKernels, fw: number, fh: number, spec: InputSpec): State {
  const { width: W, height: H } = spec;
  const i32 = (a: Float32Array): Int32Array => new Int32Array(a.buffer, a.byteOffset, a.length);
  const [src, xa, xb, xw, ya, yb, yw, mul, add, dst] = k.alloc([fw * fh, W, W, W, H, H, H, 4, 4, 3 * W * H]) as [
    Float32Array, Float32Array, Float32Array, Float32Array, Float32Array, Float32Array, Float32Array, Float32Array, Float32Array, Float32Array,
  ];
  const xs = bilinearAxis(W, fw);
  const ys = bilinearAxis(H, fh);
  const call: PreprocessCall = {
    src: new Uint8Array(src.buffer, src.byteOffset, fw * fh * 4),
    fw,
    xa: i32(xa).map((_, x) => xs.i0[x]! * 4),
    xb: i32(xb).map((_, x) => xs.i1[x]! * 4),
    xw,
    ya: i32(ya),
    yb: i32(yb),
    yw,
    mul,
    add,
    dst,
    base: spec.layout === 'NCHW' ? [0, W * H, 2 * W * H] : [0, 1, 2],
    lane: spec.colorOrder === 'RGB' ? [0, 1, 2] : [2, 1, 0],
    step: spec.layout === 'NCHW' ? 1 : 3,
  };
  // TypedArray.map on a view returns a new array: write the tables into the views themselves.
  i32(xa).set(call.xa);
  i32(xb).set(call.xb);
  call.xa = i32(xa);
  call.xb = i32(xb);
  xw.set(xs.w);
  call.ya.set(ys.i0);
  call.yb.set(ys.i1);
  yw.set(ys.w);
  // Per RGBA byte (lane) c: the transform of the tensor channel that reads it.
  for (let c = 0; c < 3; c++) {
    mul[c] = spec.scale / spec.std[c]!;
    add[c] = -spec.mean[c]! / spec.std[c]!;
  }
  return { key: `${fw}x${fh}>${JSON.stringify(spec)}`, call };
}

/** preprocess() in WebAssembly into `dst`; false when unavailable (nothing was done). */
export function preprocessWasm(frame: RgbaFrame, spec: InputSpec, dst: Float32Array): boolean {
  if (kernels === undefined) kernels = WasmKernels.create();
  if (!kernels) return false;
  const key = `${frame.width}x${frame.height}>${JSON.stringify(spec)}`;
  if (state?.key !== key) state = setUp(kernels, frame.width, frame.height, spec);
  const c = state.call;
  c.src.set(frame.data.subarray(0, c.src.length));
  kernels.preprocessRgba(c);
  dst.set(c.dst);
  return true;
}
