/**
 * One ffmpeg process that decodes frames [from, to] of a video file as RGBA, starting at a
 * keyframe (never at the start of the file unless the keyframe is the first one).
 *
 *   ffmpeg -ss <keyframe seek> -noaccurate_seek -copyts -noautorotate -i clip
 *          -vf "select=between(pts,P0,P1),<rotation>,format=rgba" -vsync 0 -frames:v N -f rawvideo -
 *
 * -copyts keeps the stream's own timestamps so `select` picks frames by their exact pts from the
 * index; frames before `from` are decoded but dropped before any pixel conversion; -vsync 0
 * passes frames through without duplicating or dropping any. Rotation is applied explicitly
 * (the same filters ffmpeg's autorotate would insert). Frames are cut from stdout into one
 * buffer per frame; pause()/resume() give back-pressure (ffmpeg blocks on the pipe).
 */
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';
import { VssError } from '../errors.ts';
import { toolPath } from './ffmpeg-paths.ts';
import { startKeyframe } from './frame-index.ts';
import type { VideoFileSource } from './source.ts';

export interface DecodeRunOptions {
  from: number;
  /** Last frame to decode (inclusive). */
  to: number;
  /** ffmpeg decoder threads, 0 = auto. */
  threads?: number;
  /** Start from this keyframe (position in index.keyframes) instead of the usual one (fallback). */
  keyframePos?: number;
  onFrame(index: number, rgba: Uint8Array): void;
  /** Called once; error undefined when every frame up to `to` came out. */
  onEnd(error: VssError | undefined): void;
}

export function rotationFilter(rotation: number): string[] {
  if (rotation === 90) return ['transpose=clock'];
  if (rotation === 180) return ['hflip', 'vflip'];
  if (rotation === 270) return ['transpose=cclock'];
  return [];
}

export class DecodeRun {
  /** Next frame index this run will deliver. */
  next: number;
  readonly from: number;
  readonly to: number;
  /** Frame index of the keyframe decoding started from. */
  readonly startKeyframe: number;
  /** Its position in index.keyframes. */
  readonly keyframePos: number;
  private readonly child: ChildProcessByStdio<null, Readable, Readable>;
  private readonly frameBytes: number;
  private cur: Uint8Array;
  private fill = 0;
  private ended = false;
  private stderr = '';
  private paused = false;
  private skip = 0;

  constructor(
    private readonly src: VideoFileSource,
    private readonly opts: DecodeRunOptions,
  ) {
    const { index, probe, info } = src;
    this.from = opts.from;
    this.to = opts.to;
    this.next = opts.from;
    const k = Math.min(opts.keyframePos ?? Infinity, startKeyframe(index, opts.from));
    this.keyframePos = k;
    this.startKeyframe = index.keyframes[k]!;
    this.frameBytes = info.width * info.height * 4;
    this.cur = new Uint8Array(Buffer.allocUnsafeSlow(this.frameBytes).buffer, 0, this.frameBytes);
    const seek = k === 0 ? null : index.seekSec[k]! - probe.formatStartSec;
    const p0 = index.pts[opts.from]!;
    // Frames sharing the first frame's timestamp (broken muxing) also pass `select`: skip them.
    let first = opts.from;
    while (first > 0 && index.pts[first - 1] === p0) first--;
    this.skip = opts.from - first;
    const p1 = index.pts[opts.to]!;
    const filters = [`select='between(pts\\,${p0}\\,${p1})'`, ...rotationFilter(probe.rotation), 'format=rgba'];
    const args = ['-nostdin', '-hide_banner', '-loglevel', 'error', '-threads', String(opts.threads ?? 0)];
    if (seek !== null && seek > 0) args.push('-ss', seek.toFixed(6));
    args.push(
      '-noaccurate_seek', '-copyts', '-noautorotate', '-i', info.path,
      '-map', `0:${probe.streamIndex}`, '-an', '-sn', '-dn',
      '-vf', filters.join(','), '-vsync', '0', '-frames:v', String(opts.to - opts.from + 1 + this.skip),
      '-f', 'rawvideo', '-pix_fmt', 'rgba', '-',
    );
    this.child = spawn(toolPath('ffmpeg'), args, { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    this.child.stdout.on('data', (b: Buffer) => this.onData(b));
    this.child.stderr.on('data', (b: Buffer) => {
      if (this.stderr.length < 4000) this.stderr += b.toString('utf8');
    });
    this.child.on('error', (e) => this.finish(new VssError('INTERNAL', `could not run ffmpeg: ${e.message}`)));
    this.child.on('close', (code, signal) => {
      if (this.next > this.to) return this.finish(undefined);
      if (signal) return this.finish(new VssError('CANCELLED', `decoding stopped before frame ${this.next}`));
      const line = this.stderr.trim().split('\n').pop() ?? '';
      const why = code !== 0 && line ? ` (${line.replace(/^\[[^\]]*\]\s*/, '').slice(0, 200)})` : '';
      this.finish(new VssError('CORRUPT', `frame ${this.next} could not be decoded${why}`));
    });
  }

  get alive(): boolean {
    return !this.ended;
  }

  get isPaused(): boolean {
    return this.paused;
  }

  pause(): void {
    if (this.paused || this.ended) return;
    this.paused = true;
    this.child.stdout.pause();
  }

  resume(): void {
    if (!this.paused) return;
    this.paused = false;
    this.child.stdout.resume();
  }

  kill(): void {
    if (this.ended) return;
    this.child.stdout.removeAllListeners('data');
    this.child.kill('SIGKILL');
    this.finish(new VssError('CANCELLED', `decoding stopped before frame ${this.next}`));
  }

  private onData(b: Buffer): void {
    let off = 0;
    while (off < b.length && this.next <= this.to) {
      const n = Math.min(this.frameBytes - this.fill, b.length - off);
      this.cur.set(b.subarray(off, off + n), this.fill);
      this.fill += n;
      off += n;
      if (this.fill === this.frameBytes && this.skip > 0) {
        this.skip--;
        this.fill = 0;
      } else if (this.fill === this.frameBytes) {
        const frame = this.cur;
        const index = this.next++;
        this.fill = 0;
        this.cur = new Uint8Array(Buffer.allocUnsafeSlow(this.frameBytes).buffer, 0, this.frameBytes);
        this.opts.onFrame(index, frame);
      }
    }
  }

  private finish(err: VssError | undefined): void {
    if (this.ended) return;
    this.ended = true;
    this.opts.onEnd(err);
  }
}
