/** Frames of one open frames folder: cache, deduped requests, a little read-ahead when playing. */
import type { FrameCache } from './frame-cache.ts';
import { readImageRgba } from './read-image.ts';
import type { FramesFolderSource } from './source.ts';
import type { DecodedFrame } from './types.ts';

const READ_AHEAD = 4;

export class FolderSession {
  private readonly pending = new Map<number, Promise<DecodedFrame>>();

  constructor(
    readonly id: string,
    private readonly src: FramesFolderSource,
    private readonly cache: FrameCache,
  ) {}

  frame(i: number): Promise<DecodedFrame> {
    const hit = this.cache.get(this.id, i);
    if (hit) return Promise.resolve(hit);
    const p = this.pending.get(i);
    if (p) return p;
    const { width, height, timestamps } = this.src.info;
    const prom = readImageRgba(this.src.files[i]!, width, height).then((rgba) => {
      const f: DecodedFrame = { index: i, width, height, pts: timestamps[i]!, rgba };
      this.cache.set(this.id, f);
      return f;
    });
    this.pending.set(i, prom);
    const drop = () => this.pending.delete(i);
    prom.then(drop, drop);
    return prom;
  }

  /** New presentation times (the frame rate changed): cached frames carry the old ones. */
  retime(timestamps: number[]): void {
    this.src.info.timestamps = timestamps;
    this.cache.clear(this.id);
  }

  playhead(i: number, dir: 1 | -1 | 0): void {
    if (dir === 0) return;
    for (let k = 1; k <= READ_AHEAD; k++) {
      const j = i + dir * k;
      if (j < 0 || j >= this.src.info.frameCount || this.cache.has(this.id, j)) continue;
      this.frame(j).catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    this.cache.clear(this.id);
  }
}
