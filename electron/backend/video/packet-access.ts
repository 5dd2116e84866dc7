/**
 * Random access to one frame of an MP4/MOV H.264 or H.265 file by feeding ffmpeg only the
 * packets it needs (feed-plan.ts), read from the file with fs. H.264 accesses that start at an
 * IDR go to one long-lived decoder per video (stream-decoder.ts: no process start, probe or
 * set-up per access); the rest, and any access it fails, go to a one-shot decoder
 * (packet-decoder.ts) of which one spare is kept started. Returns null (the caller then uses the
 * seek-and-decode path) for anything else: other codecs or containers, damaged files, unknown
 * packet positions, an unexpected decoder output count.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { rotationFilter } from './decode-run.ts';
import { buildFeed, buildPushers, type Feed } from './feed-plan.ts';
import { readCodecConfig, type CodecConfig } from './mp4-config.ts';
import { PacketDecoder } from './packet-decoder.ts';
import type { VideoFileSource } from './source.ts';
import { StreamDecoder } from './stream-decoder.ts';

export interface PacketAccessResult {
  rgba: Uint8Array;
  startKeyframe: number;
  /** Pictures fed to (and decoded by) the decoder, pushers included. */
  fed: number;
  /** Served by the long-lived stream decoder (else by a one-shot decoder run to end of stream). */
  warm: boolean;
  /** Pictures fed after the target so that the stream decoder outputs it (0 for a one-shot decoder). */
  pushers: number;
  /** Packets from the keyframe to the target (what the seek path decodes). */
  span: number;
  /** ms to plan the feed (index lookup, positional reads, NAL parsing). */
  planMs: number;
  /** ms from handing the stream to the decoder to the RGBA frame (incl. waiting for a spare still starting). */
  decodeMs: number;
}

/** Containers whose packet positions point at the sample data (ffprobe's mov demuxer). */
const MP4 = /(^|,)(mov|mp4)(,|$)/;

export function packetAccessEligible(src: VideoFileSource): boolean {
  const { probe, info, index, packets } = src;
  // Only with the verification pass: its index is the decoder's own output order.
  if (!src.verified || !packets || !MP4.test(probe.formatName) || (probe.codec !== 'h264' && probe.codec !== 'hevc')) return false;
  if (info.badFrames.length || info.warnings.length) return false;
  if (packets.some((p) => p.pos === null)) return false;
  // The decoder outputs pictures in presentation order: the index must be in that order too.
  for (let i = 1; i < index.pts.length; i++) if (index.pts[i]! <= index.pts[i - 1]!) return false;
  return true;
}

/** Stream decoders that failed for one video before the stream path is given up for it. */
const MAX_STREAM_FAILURES = 3;

export class PacketAccess {
  private spare: Promise<PacketDecoder> | null = null;
  private stream: Promise<StreamDecoder | null> | null = null;
  /** The stream decoder once it is primed (requests never wait for the priming). */
  private streamNow: StreamDecoder | null = null;
  private streamFailures = 0;
  /** Reorder delay a retired stream decoder raised itself to (0: ffprobe's value holds). */
  private reorderFloor = 0;
  private readonly config: Promise<CodecConfig | null>;
  private file: Promise<FileHandle> | null = null;
  private closed = false;

  constructor(
    private readonly src: VideoFileSource,
    private readonly threads: number,
  ) {
    const codec = src.probe.codec;
    this.config = readCodecConfig(src.info.path, src.probe.streamIndex)
      .then((c) => (c && c.codec === codec ? c : null))
      .catch(() => null);
    this.startSpare();
    this.startStream();
  }

  /** Pictures the stream decoder holds back: reorder delay + one per extra frame thread. */
  private get delay(): number {
    return Math.max(this.src.probe.videoDelay, this.reorderFloor) + Math.max(0, this.threads - 1);
  }

  /**
   * H.264 only: a long-lived decoder, checked once by serving the first keyframe (which also
   * makes it open its output) before it takes requests.
   */
  private startStream(): void {
    if (this.closed || this.stream || this.src.probe.codec !== 'h264' || this.streamFailures >= MAX_STREAM_FAILURES) return;
    const { width, height, rotation } = this.src.probe;
    this.stream = (async () => {
      const cfg = await this.config;
      if (!cfg) return null;
      const feed = await this.plan(cfg, this.src.index.keyframes[0]!);
      const pushers = feed && feed.startIrap ? await buildPushers(await this.file!, this.src.packets!, cfg, feed, this.delay) : null;
      if (!feed || !pushers) return null;
      const d = await StreamDecoder.start({ threads: this.threads, width, height, filters: rotationFilter(rotation), paramSets: cfg.paramSets });
      if (this.closed || !(await d.decode([...feed.fed, ...pushers], feed.fed.length - 1))) {
        this.noteFailure(d);
        d.retire();
        return null;
      }
      this.streamNow = d;
      return d;
    })().catch(() => null);
  }

  /**
   * A decoder that raised its reorder delay is replaced by one fed more pushers; a timeout (the
   * target never came out: a delay we cannot learn) ends the stream path for this video at
   * once, so no other access waits for a timeout again.
   */
  private noteFailure(d: StreamDecoder): void {
    this.streamFailures++;
    if (d.failure === 'reorder') this.reorderFloor = Math.max(this.reorderFloor, d.reorderSeen);
    if (d.failure === 'timeout') this.streamFailures = MAX_STREAM_FAILURES;
  }

  private async plan(cfg: CodecConfig, target: number): Promise<Feed | null> {
    if (this.closed) return null; // close() may already have closed the file
    this.file ??= open(this.src.info.path, 'r');
    return buildFeed(await this.file, this.src.packets!, this.src.index, cfg, target);
  }

  /** The target through the stream decoder, or null (not available, busy, or it failed). */
  private async viaStream(cfg: CodecConfig, feed: Feed): Promise<{ rgba: Uint8Array; pushers: number } | null> {
    const d = this.streamNow;
    if (!d || !d.ready || !feed.startIrap) return null;
    const pushers = await buildPushers(await this.file!, this.src.packets!, cfg, feed, this.delay);
    if (!pushers || !d.ready) return null;
    const rgba = await d.decode([...feed.fed, ...pushers], feed.fed.length - 1);
    if (rgba) return { rgba, pushers: pushers.length };
    // The decoder retired itself: start another (a bounded number of times per video).
    this.noteFailure(d);
    this.stream = null;
    this.streamNow = null;
    this.startStream();
    return null;
  }

  private newDecoder(): Promise<PacketDecoder> {
    const { codec, width, height } = this.src.probe;
    const p = PacketDecoder.start({ codec: codec === 'hevc' ? 'hevc' : 'h264', threads: this.threads, frameBytes: width * height * 4 });
    p.catch(() => undefined);
    return p;
  }

  private startSpare(): void {
    if (!this.closed && !this.spare) this.spare = this.newDecoder();
  }

  /** The spare (started earlier), or a new decoder when another access took it. */
  private takeDecoder(): Promise<PacketDecoder> {
    const s = this.spare;
    this.spare = null;
    return s ?? this.newDecoder();
  }

  /** The frame's RGBA via the packet feed, or null when this frame must take the other path. */
  async frame(target: number): Promise<PacketAccessResult | null> {
    if (this.closed) return null;
    const t0 = performance.now();
    const cfg = await this.config;
    if (!cfg) return null;
    const feed = await this.plan(cfg, target);
    if (!feed || this.closed) return null;
    const t1 = performance.now();
    const warm = await this.viaStream(cfg, feed);
    if (warm) {
      const base = { startKeyframe: feed.startKeyframe, span: feed.span, planMs: t1 - t0, decodeMs: performance.now() - t1 };
      return { ...base, rgba: warm.rgba, fed: feed.pictures + warm.pushers, warm: true, pushers: warm.pushers };
    }
    let dec: PacketDecoder;
    try {
      dec = await this.takeDecoder();
    } catch {
      return null;
    }
    if (!dec.ready) {
      dec.kill();
      return null;
    }
    const rgba = await dec.decode(feed, rotationFilter(this.src.probe.rotation));
    const t2 = performance.now();
    this.startSpare();
    if (!rgba) return null;
    return { rgba, startKeyframe: feed.startKeyframe, fed: feed.pictures, span: feed.span, planMs: t1 - t0, decodeMs: t2 - t1, warm: false, pushers: 0 };
  }

  async close(): Promise<void> {
    this.closed = true;
    const s = this.spare;
    this.spare = null;
    s?.then((d) => d.kill(), () => undefined);
    const st = this.stream;
    this.stream = null;
    this.streamNow = null;
    st?.then((d) => d?.retire(), () => undefined);
    const f = this.file;
    this.file = null;
    if (f) await f.then((h) => h.close(), () => undefined);
  }
}
