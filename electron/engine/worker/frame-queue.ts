/**
 * An async queue of frames fed by messages: the worker's side of the frame stream.
 * `onTake` runs when the pipeline takes a frame out of the queue; the worker acknowledges frames
 * then (not when their output is written), because a mode may hold several frames before it
 * writes any (bidirectional fusion holds a whole window) and must still receive the next ones.
 * Memory stays bounded: this queue by the client's `ahead`, the modes by their own windows.
 */
import type { SourceFrame } from '../segment/types.ts';

export class FrameQueue implements AsyncIterable<SourceFrame> {
  constructor(private readonly onTake: (index: number) => void = () => undefined) {}

  private items: SourceFrame[] = [];
  private ended = false;
  private failure: unknown;
  private wake: (() => void) | undefined;

  push(f: SourceFrame): void {
    this.items.push(f);
    this.notify();
  }

  end(): void {
    this.ended = true;
    this.notify();
  }

  fail(e: unknown): void {
    this.failure = e;
    this.notify();
  }

  private notify(): void {
    const w = this.wake;
    this.wake = undefined;
    w?.();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<SourceFrame> {
    for (;;) {
      if (this.failure !== undefined) throw this.failure;
      const f = this.items.shift();
      if (f) {
        this.onTake(f.index);
        yield f;
        continue;
      }
      if (this.ended) return;
      await new Promise<void>((r) => (this.wake = r));
    }
  }
}
