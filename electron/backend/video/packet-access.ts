/**
 * Random access to one frame of an MP4/MOV H.264 or H.265 file by feeding a waiting ffmpeg
 * only the packets it needs (feed-plan.ts, packet-decoder.ts), read from the file with fs.
 * One spare decoder is kept started for the video's codec, so process start and decoder
 * setup are off the request path; a new spare starts after each access. Returns null (the
 * caller then uses the seek-and-decode path) for anything else: other codecs or containers,
 * damaged files, unknown packet positions, an unexpected decoder output count.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { rotationFilter } from './decode-run.ts';
import { buildFeed } from './feed-plan.ts';
import { readCodecConfig, type CodecConfig } from './mp4-config.ts';
import { PacketDecoder } from './packet-decoder.ts';
import type { VideoFileSource } from './source.ts';

export interface PacketAccessResult {
  rgba: Uint8Array;
  startKeyframe: number;
  /** Pictures fed to (and decoded by) the decoder. */
  fed: number;
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

export class PacketAccess {
  private spare: Promise<PacketDecoder> | null = null;
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
    this.file ??= open(this.src.info.path, 'r');
    const feed = await buildFeed(await this.file, this.src.packets!, this.src.index, cfg, target);
    if (!feed || this.closed) return null;
    const t1 = performance.now();
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
    return { rgba, startKeyframe: feed.startKeyframe, fed: feed.pictures, span: feed.span, planMs: t1 - t0, decodeMs: t2 - t1 };
  }

  async close(): Promise<void> {
    this.closed = true;
    const s = this.spare;
    this.spare = null;
    s?.then((d) => d.kill(), () => undefined);
    const f = this.file;
    this.file = null;
    if (f) await f.then((h) => h.close(), () => undefined);
  }
}
