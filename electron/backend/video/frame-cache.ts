/**
 * Bounded LRU cache of decoded frames, limited in bytes (shared by every open video).
 * Default limit: 512 MB, or the environment variable VSS_CACHE_MB, or the service option.
 */
import type { DecodedFrame } from './types.ts';

export const DEFAULT_CACHE_MB = 512;

export function cacheLimitMB(option?: number): number {
  if (option !== undefined && Number.isFinite(option) && option >= 0) return option;
  const env = Number(process.env.VSS_CACHE_MB);
  if (process.env.VSS_CACHE_MB && Number.isFinite(env) && env >= 0) return env;
  return DEFAULT_CACHE_MB;
}

export class FrameCache {
  private readonly map = new Map<string, DecodedFrame>();
  private bytes = 0;
  evictions = 0;

  constructor(readonly limitBytes: number) {}

  static key(videoId: string, index: number): string {
    return `${videoId}:${index}`;
  }

  get(videoId: string, index: number): DecodedFrame | undefined {
    const k = FrameCache.key(videoId, index);
    const f = this.map.get(k);
    if (f) {
      this.map.delete(k);
      this.map.set(k, f);
    }
    return f;
  }

  has(videoId: string, index: number): boolean {
    return this.map.has(FrameCache.key(videoId, index));
  }

  /** Stores a frame (most recently used) and evicts the least recently used beyond the limit. */
  set(videoId: string, frame: DecodedFrame): void {
    const size = frame.rgba.byteLength;
    if (size > this.limitBytes) return;
    const k = FrameCache.key(videoId, frame.index);
    const old = this.map.get(k);
    if (old) {
      this.bytes -= old.rgba.byteLength;
      this.map.delete(k);
    }
    this.map.set(k, frame);
    this.bytes += size;
    for (const [key, f] of this.map) {
      if (this.bytes <= this.limitBytes) break;
      this.map.delete(key);
      this.bytes -= f.rgba.byteLength;
      this.evictions++;
    }
  }

  /** Drops every frame of one video (or of all videos). */
  clear(videoId?: string): void {
    if (videoId === undefined) {
      this.map.clear();
      this.bytes = 0;
      return;
    }
    const prefix = `${videoId}:`;
    for (const [key, f] of this.map) {
      if (key.startsWith(prefix)) {
        this.map.delete(key);
        this.bytes -= f.rgba.byteLength;
      }
    }
  }

  get sizeBytes(): number {
    return this.bytes;
  }

  get count(): number {
    return this.map.size;
  }
}
