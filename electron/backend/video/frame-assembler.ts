/**
 * Cuts a decoder's raw RGBA byte stream into frames, each in its own buffer, written once:
 * either the transport reads straight into `space()` and reports `wrote(n)` (socket pair with
 * `onread`), or it hands over chunks to copy with `push()` (stdout pipe). The first `skip`
 * frames are dropped (frames sharing the first wanted frame's timestamp).
 */
export class FrameAssembler {
  private cur: Uint8Array;
  private fill = 0;

  constructor(
    private readonly frameBytes: number,
    private skip: number,
    private readonly onFrame: (rgba: Uint8Array) => void,
  ) {
    this.cur = FrameAssembler.alloc(frameBytes);
  }

  static alloc(bytes: number): Uint8Array {
    return new Uint8Array(Buffer.allocUnsafeSlow(bytes).buffer, 0, bytes);
  }

  /** The rest of the frame being filled: where the next bytes belong. */
  space(): Uint8Array {
    return this.cur.subarray(this.fill);
  }

  /** `n` bytes were written at the start of `space()`. */
  wrote(n: number): void {
    this.fill += n;
    if (this.fill < this.frameBytes) return;
    this.fill = 0;
    if (this.skip > 0) {
      this.skip--;
      return;
    }
    const frame = this.cur;
    this.cur = FrameAssembler.alloc(this.frameBytes);
    this.onFrame(frame);
  }

  /** Copies a chunk in (pipe transport). */
  push(chunk: Uint8Array): void {
    for (let off = 0; off < chunk.length; ) {
      const n = Math.min(this.frameBytes - this.fill, chunk.length - off);
      this.cur.set(chunk.subarray(off, off + n), this.fill);
      off += n;
      this.wrote(n);
    }
  }
}
