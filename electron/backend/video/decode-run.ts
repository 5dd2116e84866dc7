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
 * (the same filters ffmpeg's autorotate would insert). ffmpeg's stdout is one end of a socket
 * pair whose other end Node reads straight into each frame's own buffer (socket-pair.ts; on
 * Windows, or if the pair cannot be made, the stdout pipe and one copy per chunk).
 * pause()/resume() give back-pressure (ffmpeg blocks on its write).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import type { Readable } from 'node:stream';
import { VssError } from '../../core/errors.ts';
import { toolPath } from './ffmpeg-paths.ts';
import { FrameAssembler } from './frame-assembler.ts';
import { startKeyframe } from './frame-index.ts';
import { socketPair, socketPairsAvailable } from './socket-pair.ts';
import type { VideoFileSource } from './source.ts';

export interface DecodeRunOptions {
  from: number;
  /** Last frame to decode (inclusive). */
  to: number;
  /** ffmpeg decoder threads; default (and 0): one per core (ffmpeg's own "auto" starts cores+1). */
  threads?: number;
  /** Start from this keyframe (position in index.keyframes) instead of the usual one (fallback). */
  keyframePos?: number;
  /** How frames leave ffmpeg: 'socket' (default where available) or 'pipe' (stdout, one copy). */
  transport?: 'socket' | 'pipe';
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

export function defaultThreads(): number {
  return Math.max(1, Math.min(16, availableParallelism()));
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
  private child: ChildProcess | null = null;
  private reader: Readable | null = null;
  private readonly asm: FrameAssembler;
  private ended = false;
  private stderr = '';
  private paused = false;
  /** Exit of the child and end of its output: both are needed before the run is judged. */
  private exit: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  private outputClosed = false;

  constructor(
    src: VideoFileSource,
    private readonly opts: DecodeRunOptions,
  ) {
    const { index, probe, info } = src;
    this.from = opts.from;
    this.to = opts.to;
    this.next = opts.from;
    const k = Math.min(opts.keyframePos ?? Infinity, startKeyframe(index, opts.from));
    this.keyframePos = k;
    this.startKeyframe = index.keyframes[k]!;
    const seek = k === 0 ? null : index.seekSec[k]! - probe.formatStartSec;
    const p0 = index.pts[opts.from]!;
    // Frames sharing the first frame's timestamp (broken muxing) also pass `select`: skip them.
    let first = opts.from;
    while (first > 0 && index.pts[first - 1] === p0) first--;
    const skip = opts.from - first;
    this.asm = new FrameAssembler(info.width * info.height * 4, skip, (rgba) => this.deliver(rgba));
    const p1 = index.pts[opts.to]!;
    const filters = [`select='between(pts\\,${p0}\\,${p1})'`, ...rotationFilter(probe.rotation), 'format=rgba'];
    const threads = opts.threads || defaultThreads();
    const args = ['-nostdin', '-hide_banner', '-loglevel', 'error', '-threads', String(threads)];
    if (seek !== null && seek > 0) args.push('-ss', seek.toFixed(6));
    args.push(
      '-noaccurate_seek', '-copyts', '-noautorotate', '-i', info.path,
      '-map', `0:${probe.streamIndex}`, '-an', '-sn', '-dn',
      '-vf', filters.join(','), '-vsync', '0', '-frames:v', String(opts.to - opts.from + 1 + skip),
      '-f', 'rawvideo', '-pix_fmt', 'rgba', '-',
    );
    if (opts.transport === 'pipe' || !socketPairsAvailable) this.startWithPipe(args);
    else this.startWithSocket(args);
  }

  private startWithPipe(args: string[]): void {
    const child = this.spawn(args, 'pipe');
    this.reader = child.stdout!;
    this.reader.on('data', (b: Buffer) => this.asm.push(b));
    this.watchOutput(this.reader);
    if (this.paused) this.reader.pause();
  }

  private startWithSocket(args: string[]): void {
    const onread = {
      buffer: () => this.asm.space(),
      callback: (n: number) => {
        this.asm.wrote(n);
        return !this.paused;
      },
    };
    socketPair(onread).then(
      ({ childEnd, reader }) => {
        if (this.ended) {
          childEnd.destroy();
          reader.destroy();
          return;
        }
        this.reader = reader;
        this.watchOutput(reader);
        this.spawn(args, childEnd);
        childEnd.destroy(); // the child holds its own copy; EOF comes when it exits
        if (this.paused) reader.pause();
      },
      () => {
        if (!this.ended) this.startWithPipe(args);
      },
    );
  }

  private spawn(args: string[], stdout: 'pipe' | Readable): ChildProcess {
    const child = spawn(toolPath('ffmpeg'), args, { stdio: ['ignore', stdout, 'pipe'], windowsHide: true });
    this.child = child;
    child.stderr!.on('data', (b: Buffer) => {
      if (this.stderr.length < 4000) this.stderr += b.toString('utf8');
    });
    child.on('error', (e) => {
      this.reader?.destroy();
      this.finish(new VssError('INTERNAL', `could not run ffmpeg: ${e.message}`));
    });
    child.on('close', (code, signal) => {
      this.exit = { code, signal };
      this.judge();
    });
    return child;
  }

  private watchOutput(reader: Readable): void {
    reader.on('error', () => undefined); // a reset after a kill; 'close' follows
    reader.on('close', () => {
      this.outputClosed = true;
      this.judge();
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
    this.reader?.pause();
  }

  resume(): void {
    if (!this.paused) return;
    this.paused = false;
    this.reader?.resume();
  }

  kill(): void {
    if (this.ended) return;
    this.reader?.removeAllListeners('data');
    this.child?.kill('SIGKILL');
    this.reader?.destroy();
    this.finish(new VssError('CANCELLED', `decoding stopped before frame ${this.next}`));
  }

  private deliver(rgba: Uint8Array): void {
    if (this.ended || this.next > this.to) return;
    this.opts.onFrame(this.next++, rgba);
  }

  private judge(): void {
    if (!this.exit || !this.outputClosed) return;
    const { code, signal } = this.exit;
    if (this.next > this.to) return this.finish(undefined);
    if (signal) return this.finish(new VssError('CANCELLED', `decoding stopped before frame ${this.next}`));
    const line = this.stderr.trim().split('\n').pop() ?? '';
    const why = code !== 0 && line ? ` (${line.replace(/^\[[^\]]*\]\s*/, '').slice(0, 200)})` : '';
    this.finish(new VssError('CORRUPT', `frame ${this.next} could not be decoded${why}`));
  }

  private finish(err: VssError | undefined): void {
    if (this.ended) return;
    this.ended = true;
    this.opts.onEnd(err);
  }
}
