/**
 * preprocess()'s WebAssembly SIMD path (kernels: ../flow/wasm/assembly/preprocess.ts): the frame is
 * copied into the instance's memory and resized and normalised there; NCHW tensors separably
 * (preprocessPlanar: each source row resized once), NHWC one pixel per step (preprocessRgba).
 * The sampling tables are kept while frame size and input spec stay the same. Same values as the
 * TypeScript reference within f32 rounding (it computes in f64).
 *
 * A WasmPreprocessor owns its instance: its run() returns the tensor in place, in the instance's
 * memory, valid until its next run (the pipeline hands that view to ONNX Runtime as the model
 * input, with no copy). preprocessWasm() shares one preprocessor and copies the tensor out.
 */
import { WasmKernels, type PreprocessCall } from '../flow/wasm/dis-kernels.ts';
import type { InputSpec } from './manifest.ts';
import type { RgbaFrame } from './preprocess.ts';
import { bilinearAxis } from './resample.ts';

interface State {
  key: string;
  call: PreprocessCall;
  /** Two cached horizontally resized source rows (NCHW only). */
  rows: Float32Array | undefined;
}

const up4 = (x: number): number => (x + 3) & ~3;

function setUp(k: WasmKernels, fw: number, fh: number, spec: InputSpec, key: string): State {
  const { width: W, height: H } = spec;
  const Wp = up4(W);
  const planar = spec.layout === 'NCHW';
  const i32 = (a: Float32Array): Int32Array => new Int32Array(a.buffer, a.byteOffset, a.length);
  const [src, xa, xb, xw, ya, yb, yw, mul, add, dst, rows] = k.alloc([fw * fh, Wp, Wp, Wp, H, H, H, 4, 4, 3 * W * H, planar ? 6 * Wp : 0]) as [
    Float32Array, Float32Array, Float32Array, Float32Array, Float32Array, Float32Array, Float32Array, Float32Array, Float32Array, Float32Array, Float32Array,
  ];
  const xs = bilinearAxis(W, fw);
  const ys = bilinearAxis(H, fh);
  // Columns past W (up to Wp) repeat the last one: the planar kernel resizes 4 columns per step.
  for (let x = 0; x < Wp; x++) {
    const c = Math.min(x, W - 1);
    i32(xa)[x] = xs.i0[c]! * 4;
    i32(xb)[x] = xs.i1[c]! * 4;
    xw[x] = xs.w[c]!;
  }
  i32(ya).set(ys.i0);
  i32(yb).set(ys.i1);
  yw.set(ys.w);
  // Per RGBA byte (lane) c: the transform of the tensor channel that reads it.
  for (let c = 0; c < 3; c++) {
    mul[c] = spec.scale / spec.std[c]!;
    add[c] = -spec.mean[c]! / spec.std[c]!;
  }
  const call: PreprocessCall = {
    src: new Uint8Array(src.buffer, src.byteOffset, fw * fh * 4),
    fw,
    W,
    H,
    xa: i32(xa),
    xb: i32(xb),
    xw,
    ya: i32(ya),
    yb: i32(yb),
    yw,
    mul,
    add,
    dst,
    base: planar ? [0, W * H, 2 * W * H] : [0, 1, 2],
    lane: spec.colorOrder === 'RGB' ? [0, 1, 2] : [2, 1, 0],
    step: planar ? 1 : 3,
  };
  return { key, call, rows: planar ? rows : undefined };
}

export class WasmPreprocessor {
  private state: State | undefined;

  private constructor(private readonly k: WasmKernels) {}

  /** A preprocessor with its own instance, or null where WebAssembly SIMD is unavailable. */
  static create(): WasmPreprocessor | null {
    const k = WasmKernels.create();
    return k ? new WasmPreprocessor(k) : null;
  }

  /** The model input of `frame`, in this instance's memory: valid until the next run(). */
  run(frame: RgbaFrame, spec: InputSpec): Float32Array {
    const key = `${frame.width}x${frame.height}>${JSON.stringify(spec)}`;
    if (this.state?.key !== key) this.state = setUp(this.k, frame.width, frame.height, spec, key);
    const { call: c, rows } = this.state;
    c.src.set(frame.data.subarray(0, c.src.length));
    if (rows) this.k.preprocessPlanar(c, rows);
    else this.k.preprocessRgba(c);
    return c.dst;
  }
}

let shared: WasmPreprocessor | null | undefined;

/** preprocess() in WebAssembly into `dst`; false when unavailable (nothing was done). */
export function preprocessWasm(frame: RgbaFrame, spec: InputSpec, dst: Float32Array): boolean {
  if (shared === undefined) shared = WasmPreprocessor.create();
  if (!shared) return false;
  dst.set(shared.run(frame, spec));
  return true;
}
