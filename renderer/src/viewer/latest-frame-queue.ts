/**
 * Latest-wins frame requests (pure, unit-tested). At most `maxInFlight` loads run at once; when
 * one ends and the wanted frame has moved on, the newest wanted frame is loaded next, so playback
 * skips frames when decoding falls behind. A result is shown only if it was requested after the
 * one on screen: an out-of-order (stale) response is never shown.
 */
export interface FrameKey {
  videoId: string;
  index: number;
}

export interface QueueIO<T> {
  load(k: FrameKey): Promise<T>;
  cached(k: FrameKey): T | undefined;
  show(k: FrameKey, value: T): void;
  fail(k: FrameKey, error: unknown, stillWanted: boolean): void;
}

const keyOf = (k: FrameKey) => `${k.videoId}:${k.index}`;

export class LatestFrameQueue<T> {
  private seq = 0;
  private shownSeq = 0;
  private inFlight = 0;
  private requested = '';
  private wanted: FrameKey | undefined;

  constructor(
    private readonly io: QueueIO<T>,
    private readonly maxInFlight = 2,
  ) {}

  want(k: FrameKey): void {
    this.wanted = { ...k };
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
        (v) => this.present(seq, k, v),
        (e: unknown) => {
          if (this.requested === key) this.requested = ''; // allow a retry of the same frame
          const w = this.wanted;
          this.io.fail(k, e, w !== undefined && keyOf(w) === key);
        },
      )
      .finally(() => {
        this.inFlight--;
        this.pump();
      });
  }
}
