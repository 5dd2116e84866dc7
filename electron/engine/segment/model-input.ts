/**
 * The model input of each frame, made only when the mode asks for it (ModeFrame.input) and written
 * into one buffer reused across frames. A single-graph bundle's dff or adaptive non-key frame only
 * warps the key's probabilities, so it never pays for a model input it would not use.
 */
import type { ModelBundle } from '../model/bundle.ts';
import type { RgbaFrame } from '../model/preprocess.ts';

export class ModelInputs {
  private buffer: Float32Array | undefined;

  constructor(private readonly bundle: Pick<ModelBundle, 'preprocess'>) {}

  /**
   * The input of `frame` on first call (the same array on later calls), or never; the milliseconds
   * spent making it are added to `spent.ms`. Valid until the next frame's input is made.
   */
  lazy(frame: RgbaFrame, spent: { ms: number }): () => Float32Array {
    let made: Float32Array | undefined;
    return () => {
      if (made) return made;
      const t0 = performance.now();
      made = this.bundle.preprocess(frame, this.buffer);
      this.buffer = made;
      spent.ms += performance.now() - t0;
      return made;
    };
  }
}
