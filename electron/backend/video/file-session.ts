/**
 * Frames of one open video file: cache lookups, deduped requests, and the decode runs that
 * produce frames. A random access starts a run at the right keyframe and also prefetches the
 * rest of that GOP; forward play keeps ONE long-lived run streaming ahead of the playhead
 * (paused when far enough ahead, so it never outruns the cache). At most `maxRuns` runs live.
 * A random access to an uncached frame of an MP4 H.264/H.265 first tries the packet feed
 * (packet-access.ts: only the packets needed, to a waiting decoder); the GOP's later frames
 * are then prefetched by a run as before. Whenever the feed declines, a run serves the frame.
 */
import { VssError } from '../../core/errors.ts';
import { DecodeRun, defaultThreads } from './decode-run.ts';
import type { FrameCache } from './frame-cache.ts';
import { startKeyframe } from './frame-index.ts';
import { PacketAccess, packetAccessEligible, type PacketAccessResult } from './packet-access.ts';
import type { VideoFileSource } from './source.ts';
import type { DecodedFrame } from './types.ts';

export interface SessionOptions {
  cache: FrameCache;
  /** Frames decoded ahead of the playhead before the sequential run pauses. */
  aheadFrames: number;
  maxRuns: number;
  threads: number;
  /** Try the packet feed for random access (default true; false: always seek and decode). */
  packetAccess?: boolean;
}

interface Waiter {
  resolve(f: DecodedFrame): void;
  reject(e: Error): void;
}

export interface RunRecord {
  from: number;
  to: number;
  startKeyframe: number;
  /** 'packets': served by the packet feed; 'seek': a decode run. */
  via: 'packets' | 'seek';
  /** Packet feed: pictures fed (pushers included), packets from the keyframe to the target, plan and decode ms. */
  fed?: number;
  /** Packet feed: served by the long-lived stream decoder; pictures fed after the target for it. */
  warm?: boolean;
  pushers?: number;
  span?: number;
  planMs?: number;
  decodeMs?: number;
}

export class FileSession {
  private runs: DecodeRun[] = [];
  private readonly waiters = new Map<number, Waiter[]>();
  private readonly pending = new Map<number, Promise<DecodedFrame>>();
  private anchor = 0;
  private dir: 1 | -1 | 0 = 0;
  private closed = false;
  private readonly packets: PacketAccess | null;
  /** Frames a packet-feed access is under way for. */
  private readonly viaPackets = new Set<number>();
  /** Every run started, newest last (kept short); for tests and diagnostics. */
  readonly log: RunRecord[] = [];

  constructor(
    readonly id: string,
    private readonly src: VideoFileSource,
    private readonly o: SessionOptions,
  ) {
    const use = o.packetAccess !== false && packetAccessEligible(src);
    this.packets = use ? new PacketAccess(src, o.threads || defaultThreads()) : null;
  }

  private get last(): number {
    return this.src.info.frameCount - 1;
  }

  frame(i: number): Promise<DecodedFrame> {
    const hit = this.o.cache.get(this.id, i);
    if (hit) return Promise.resolve(hit);
    const p = this.pending.get(i);
    if (p) return p;
    const prom = new Promise<DecodedFrame>((resolve, reject) => {
      const list = this.waiters.get(i) ?? [];
      list.push({ resolve, reject });
      this.waiters.set(i, list);
    });
    this.pending.set(i, prom);
    const drop = () => this.pending.delete(i);
    prom.then(drop, drop);
    if (this.dir === 0) this.anchor = i;
    this.cover(i);
    return prom;
  }

  playhead(i: number, dir: 1 | -1 | 0): void {
    this.anchor = i;
    this.dir = dir;
    for (const r of this.runs) if (r.next <= i + this.o.aheadFrames) r.resume();
    if (dir === 1) {
      const j = this.firstUncached(i, Math.min(this.last, i + this.o.aheadFrames), 1);
      if (j >= 0) this.cover(j);
    } else if (dir === -1 && i > 0) {
      const lo = Math.max(0, i - this.o.aheadFrames);
      const j = this.firstUncached(lo, i - 1, 1);
      if (j >= 0 && !this.coveringRun(j)) this.startRun(j, i - 1);
    }
  }

  private firstUncached(a: number, b: number, step: 1 | -1): number {
    for (let j = a; step > 0 ? j <= b : j >= b; j += step) if (!this.o.cache.has(this.id, j)) return j;
    return -1;
  }

  /** A live run that will reach frame i sooner than a fresh run from i's keyframe would. */
  private coveringRun(i: number): DecodeRun | undefined {
    const key = this.src.index.keyframes[startKeyframe(this.src.index, i)]!;
    const fresh = i - key + 8;
    return this.runs.find((r) => r.alive && r.next <= i && i <= r.to && i - r.next <= fresh);
  }

  private cover(i: number): void {
    const r = this.coveringRun(i);
    if (r) {
      r.resume();
      return;
    }
    let to: number;
    if (this.dir === 1) to = this.last;
    else {
      const ks = this.src.index.keyframes;
      const nextKey = ks.find((k) => k > i) ?? this.last + 1;
      to = Math.min(this.last, Math.max(i, nextKey - 1), i + this.o.aheadFrames);
    }
    if (this.packets && this.dir !== 1 && this.waiters.has(i) && this.viaPackets.size === 0) {
      // One feed at a time (one spare decoder); requests meanwhile take the seek path.
      this.tryPackets(this.packets, i, to);
      return;
    }
    this.startRun(i, to);
  }

  private tryPackets(packets: PacketAccess, i: number, to: number): void {
    this.viaPackets.add(i);
    const done = (r: PacketAccessResult | null) => {
      this.viaPackets.delete(i);
      if (this.closed) return;
      if (r) {
        const { startKeyframe: sk, fed, span, planMs, decodeMs, warm, pushers } = r;
        this.record({ from: i, to: i, startKeyframe: sk, via: 'packets', fed, span, planMs, decodeMs, warm, pushers });
        this.store(i, r.rgba);
        if (to > i && !this.coveringRun(i + 1)) this.startRun(i + 1, to); // prefetch the rest of the GOP
      } else if (this.waiters.has(i)) {
        const run = this.coveringRun(i);
        if (run) run.resume();
        else this.startRun(i, to);
      }
    };
    packets.frame(i).then(done, () => done(null));
  }

  private record(r: RunRecord): void {
    this.log.push(r);
    if (this.log.length > 200) this.log.shift();
  }

  private startRun(from: number, to: number, keyframePos?: number): void {
    if (this.closed) return;
    while (this.runs.length >= this.o.maxRuns) {
      const idle = this.runs.find((r) => !this.hasWaiters(r));
      if (!idle) break; // every run is serving a request: allow one more
      this.runs = this.runs.filter((r) => r !== idle);
      idle.kill();
    }
    const run: DecodeRun = new DecodeRun(this.src, {
      from,
      to,
      threads: this.o.threads,
      keyframePos,
      onFrame: (index, rgba) => this.onFrame(run, index, rgba),
      onEnd: (err) => this.onEnd(run, err),
    });
    this.runs.push(run);
    this.record({ from, to, startKeyframe: run.startKeyframe, via: 'seek' });
  }

  private hasWaiters(r: DecodeRun): boolean {
    for (const i of this.waiters.keys()) if (i >= r.next && i <= r.to) return true;
    return false;
  }

  private onFrame(run: DecodeRun, index: number, rgba: Uint8Array): void {
    this.store(index, rgba);
    const ahead = this.dir === -1 ? 0 : this.o.aheadFrames;
    if (run.next > this.anchor + ahead && !this.hasWaiters(run)) run.pause();
  }

  /** Caches a decoded frame and answers its waiters. */
  private store(index: number, rgba: Uint8Array): void {
    const { width, height, timestamps } = this.src.info;
    const frame: DecodedFrame = { index, width, height, pts: timestamps[index]!, rgba };
    this.o.cache.set(this.id, frame);
    const ws = this.waiters.get(index);
    if (ws) {
      this.waiters.delete(index);
      for (const w of ws) w.resolve(frame);
    }
  }

  private onEnd(run: DecodeRun, err: VssError | undefined): void {
    this.runs = this.runs.filter((r) => r !== run);
    if (err?.code === 'CORRUPT' && run.keyframePos > 0 && !this.closed && this.hasWaiters(run)) {
      // The seek did not give the frame (e.g. timestamps guessed differently after a seek in a
      // damaged file): try again from the keyframe before, down to the start of the file.
      this.startRun(run.next, run.to, run.keyframePos - 1);
      return;
    }
    for (const [i, ws] of [...this.waiters]) {
      if (i < run.next || i > run.to) continue;
      if (this.closed) continue;
      if (err?.code === 'CANCELLED') {
        if (!this.coveringRun(i)) this.cover(i);
        continue;
      }
      this.waiters.delete(i);
      const e = err ?? new VssError('CORRUPT', `frame ${i} could not be decoded`);
      for (const w of ws) w.reject(e);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.packets?.close();
    for (const r of this.runs) r.kill();
    this.runs = [];
    for (const ws of this.waiters.values()) for (const w of ws) w.reject(new VssError('CANCELLED', 'video was closed'));
    this.waiters.clear();
    this.o.cache.clear(this.id);
  }

  /** Stops every run (e.g. after the cache was cleared); pending requests are restarted. */
  stopRuns(): void {
    for (const r of [...this.runs]) if (!this.hasWaiters(r)) r.kill();
  }

  get liveRuns(): number {
    return this.runs.length;
  }
}
