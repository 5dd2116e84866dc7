/**
 * The model input of each frame, made only when the mode asks for it (ModeFrame.input) and written
 * into one buffer reused across frames. A single-graph bundle's dff or adaptive non-key frame only
 * warps the key's probabilities, so it never pays for a model input it would not use.
 *
 * The buffer is this pipeline's own WebAssembly preprocessor's output, in its instance's memory:
 * ONNX Runtime reads the tensor there, with no copy (3.7 MB a frame at 640x480). Where WebAssembly
 * SIMD is unavailable, the bundle's preprocess() writes into a buffer of our own.
 */
import type { ModelBundle } from '../model/bundle.ts';
import { WasmPreprocessor } from '../model/preprocess-wasm.ts';
import type { RgbaFrame } from '../model/preprocess.ts';

export class ModelInputs {
  private buffer: Float32Array | undefined;
  private readonly wasm: WasmPreprocessor | null;

  constructor(private readonly bundle: Pick<ModelBundle, 'preprocess' | 'manifest'>) {
    this.wasm = WasmPreprocessor.create();
  }

  /**
   * The input of `frame` on first call (the same array on later calls), or never; the milliseconds
   * spent making it are added to `spent.ms`. Valid until the next frame's input is made.
   */
  lazy(frame: RgbaFrame, spent: { ms: number }): () => Float32Array {
    let made: Float32Array | undefined;
    return () => {
      if (made) return made;
      const t0 = performance.now();
      made = this.make(frame);
      spent.ms += performance.now() - t0;
      return made;
    };
  }

  private make(frame: RgbaFrame): Float32Array {
    if (this.wasm) return this.wasm.run(frame, this.bundle.manifest.input);
    this.buffer = this.bundle.preprocess(frame, this.buffer);
    return this.buffer;
  }
}
