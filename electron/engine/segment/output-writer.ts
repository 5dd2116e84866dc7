/**
 * Label and confidence PNGs written off the critical path: each write deflates on libuv's thread
 * pool (png-encode.ts) and writes asynchronously; at most `maxInFlight` files are pending, so a
 * slow disk applies back-pressure instead of growing memory. The run is not finished until
 * drain() has resolved (every file written); the first error is re-thrown by the next call.
 * Each file is written as `<path>.part` and renamed, so a reader (the workspace importing a run
 * while it goes on) never sees a half-written PNG; `onWritten` runs once the file is in place.
 */
import { rename, writeFile } from 'node:fs/promises';
import { encodeGray8Async } from './png-encode.ts';

export class OutputWriter {
  private readonly inFlight = new Set<Promise<void>>();
  private error: unknown;
  private failed = false;

  constructor(private readonly maxInFlight = 8) {}

  /** Queues one 8-bit grey PNG; resolves once there is room for another (not when written). */
  async write(path: string, width: number, height: number, data: Uint8Array, onWritten?: () => void): Promise<void> {
    this.check();
    while (this.inFlight.size >= this.maxInFlight) await Promise.race(this.inFlight);
    this.check();
    const part = `${path}.part`;
    const p: Promise<void> = encodeGray8Async(width, height, data)
      .then((buf) => writeFile(part, buf))
      .then(() => rename(part, path))
      .then(() => onWritten?.())
      .catch((e: unknown) => {
        if (!this.failed) [this.failed, this.error] = [true, e];
      })
      .finally(() => this.inFlight.delete(p));
    this.inFlight.add(p);
  }

  /** Waits for every queued file; throws the first write error. */
  async drain(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all(this.inFlight);
    this.check();
  }

  /** Waits for every queued file without throwing (a failed run settles before its folder goes). */
  async settle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled(this.inFlight);
  }

  private check(): void {
    if (this.failed) throw this.error;
  }
}
