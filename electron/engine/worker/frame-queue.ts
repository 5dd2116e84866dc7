/** An async queue of frames fed by messages: the worker's side of the frame stream. */
import type { SourceFrame } from '../segment/types.ts';

export class FrameQueue implements AsyncIterable<SourceFrame> {
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
        yield f;
        continue;
      }
      if (this.ended) return;
      await new Promise<void>((r) => (this.wake = r));
    }
  }
}
