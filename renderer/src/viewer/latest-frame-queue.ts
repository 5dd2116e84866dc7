/**
 * Latest-wins frame requests (pure, unit-tested). At most `maxInFlight` loads run at once; when
 * one ends and the wanted frame has moved on, the newest wanted frame is loaded next, so playback
 * skips frames when decoding falls behind. A result is shown only if it was requested after the
 * one on screen: an out-of-order (stale) response is never shown. A load that fails with a
 * retryable error (the host is unreachable) is retried after a capped exponential backoff with
 * jitter, at most `maxAttempts` times; then, or at once for any other error, the frame is reported
 * failed and not requested again until it is wanted anew or retry() is called.
 */
import { backoffDelay } from '../client/backoff.ts';

export interface FrameKey {
  videoId: string;
  index: number;
}

export interface QueueIO<T> {
  load(k: FrameKey): Promise<T>;
  cached(k: FrameKey): T | undefined;
  show(k: FrameKey, value: T): void;
  fail(k: FrameKey, error: unknown, stillWanted: boolean): void;
  /** True for errors a later attempt can fix (default: none). */
  retryable?(error: unknown): boolean;
}

export interface QueueOptions {
  maxInFlight?: number;
  maxAttempts?: number;
  delay?: (attempt: number) => number;
}

const keyOf = (k: FrameKey) => `${k.videoId}:${k.index}`;

export class LatestFrameQueue<T> {
  private seq = 0;
  private shownSeq = 0;
  private inFlight = 0;
  private requested = '';
  private wanted: FrameKey | undefined;
  /** The frame that failed for good (not requested again until wanted anew or retried). */
  private failedKey = '';
  private attempts = new Map<string, number>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly maxInFlight: number;
  private readonly maxAttempts: number;
  private readonly delay: (attempt: number) => number;

  constructor(
    private readonly io: QueueIO<T>,
    opts: QueueOptions = {},
  ) {
    this.maxInFlight = opts.maxInFlight ?? 2;
    this.maxAttempts = opts.maxAttempts ?? 5;
    this.delay = opts.delay ?? backoffDelay;
  }

  want(k: FrameKey): void {
    this.wanted = { ...k };
    if (keyOf(k) === this.failedKey) this.retry();
    else this.pump();
  }

  /** Loads the wanted frame again after it failed (e.g. once the connection is back). */
  retry(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.failedKey = '';
    this.attempts.clear();
    this.requested = '';
    this.pump();
  }

  private present(seq: number, k: FrameKey, value: T): void {
    if (seq <= this.shownSeq) return; // stale: something requested later is already on screen
    this.shownSeq = seq;
    this.io.show(k, value);
  }

  private pump(): void {
    const k = this.wanted;
    if (!k) return;
    const key = keyOf(k);
    if (this.requested === key || this.inFlight >= this.maxInFlight) return;
    this.requested = key;
    const seq = ++this.seq;
    const hit = this.io.cached(k);
    if (hit !== undefined) return this.present(seq, k, hit);
    this.inFlight++;
    this.io
      .load(k)
      .then(
        (v) => {
          this.attempts.delete(key);
          this.present(seq, k, v);
        },
        (e: unknown) => this.failed(k, e),
      )
      .finally(() => {
        this.inFlight--;
        this.pump();
      });
  }

  private failed(k: FrameKey, e: unknown): void {
    const key = keyOf(k);
    const w = this.wanted;
    const stillWanted = w !== undefined && keyOf(w) === key;
    const n = (this.attempts.get(key) ?? 0) + 1;
    if (stillWanted && n < this.maxAttempts && (this.io.retryable?.(e) ?? false)) {
      this.attempts.set(key, n);
      this.timer = setTimeout(() => {
        this.timer = null;
        if (this.requested === key) this.requested = '';
        this.pump();
      }, this.delay(n - 1));
      return;
    }
    this.attempts.delete(key);
    if (this.requested === key) this.failedKey = key; // requested stays set: no retry loop
    this.io.fail(k, e, stillWanted);
  }
}
