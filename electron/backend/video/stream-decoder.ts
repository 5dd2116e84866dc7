/**
 * A long-lived ffmpeg that serves one H.264 random access after another from a single
 * Matroska stream on its stdin (mkv-stream.ts), so that process start, stream probe and decoder
 * set-up are paid once per video instead of once per access (packet-decoder.ts pays them
 * every time, ~45 ms at 1080p).
 *
 * Each request is one cluster: the pictures of a feed (feed-plan.ts, starting with an IDR, which
 * resets the decoder's references) and, after the target, "pushers" (buildPushers) that make the
 * decoder output the target without an end of stream. Timestamps tell the frames apart: every
 * picture gets an even timestamp, in presentation order, except the target, which gets an odd one,
 * and `select='mod(pts,2)'` drops everything else before rotation and RGBA conversion. So exactly
 * one frame comes out per request; pushers left in the decoder come out (and are dropped) during
 * the next one. Anything unexpected — a `[error]` log line, a timeout, the process exiting —
 * fails the request (null: the caller serves the frame another way) and retires the decoder.
 */
import type { ChildProcess } from 'node:child_process';
import type { Readable } from 'node:stream';
import type { FedPicture } from './feed-plan.ts';
import { FrameAssembler } from './frame-assembler.ts';
import { mkvCluster, mkvHeader, type MkvBlock } from './mkv-stream.ts';
import { spawnRgbaFfmpeg } from './rgba-child.ts';

export interface StreamDecoderOptions {
  threads: number;
  width: number;
  height: number;
  /** Rotation filters (decode-run.ts rotationFilter), applied after the selection. */
  filters: string[];
  /** Parameter sets as Annex B, sent in front of every request's IDR. */
  paramSets: Uint8Array;
}

/** A request gets this long plus PER_PICTURE_MS per picture before the decoder is given up. */
const BASE_TIMEOUT_MS = 2000;
const PER_PICTURE_MS = 50;

export class StreamDecoder {
  private child: ChildProcess | null = null;
  private reader: Readable | null = null;
  private readonly asm: FrameAssembler;
  private stderr = '';
  private waiting: ((f: Uint8Array | null) => void) | null = null;
  private dead = false;
  private busy = false;
  /** Why it was retired (null while alive or when closed by its owner). */
  failure: 'timeout' | 'error' | 'exit' | 'out of step' | 'reorder' | null = null;
  /** The decoder raised its reorder delay to this many pictures at run time (streams without
   * num_reorder_frames in the SPS): the pushers were too few; a new decoder must use more. */
  reorderSeen = 0;
  /** Timestamp (ms) of the next cluster: even, increasing by ≥ 1 s per request. */
  private clock = 0;

  private constructor(private readonly o: StreamDecoderOptions) {
    this.asm = new FrameAssembler(o.width * o.height * 4, 0, (f) => this.settle(f));
  }

  static async start(o: StreamDecoderOptions): Promise<StreamDecoder> {
    const d = new StreamDecoder(o);
    const vf = [`select='mod(pts\\,2)'`, ...o.filters, 'format=rgba'].join(',');
    const args = [
      '-nostdin', '-hide_banner', '-nostats', '-loglevel', 'level+verbose', '-threads', String(o.threads),
      '-f', 'matroska', '-probesize', '32', '-analyzeduration', '0', '-i', 'pipe:0',
      '-map', '0:v:0', '-vf', vf, '-copyts', '-vsync', '0', '-flush_packets', '1', '-f', 'rawvideo', '-pix_fmt', 'rgba', 'pipe:1',
    ];
    const { child, reader } = await spawnRgbaFfmpeg(args, d.asm);
    d.child = child;
    d.reader = reader;
    d.reader!.on('error', () => undefined);
    d.reader!.on('close', () => d.retire('exit'));
    child.stdin!.on('error', () => d.retire('exit'));
    child.stderr!.on('data', (b: Buffer) => {
      const s = b.toString('utf8');
      if (d.stderr.length < 20000) d.stderr += s;
      const grew = /Increasing reorder buffer to (\d+)/.exec(s);
      if (grew) {
        d.reorderSeen = Number(grew[1]);
        d.retire('reorder');
      }
      if (/\[(error|fatal|panic)\]/.test(s)) d.retire('error');
    });
    child.on('error', () => d.retire('exit'));
    child.on('close', () => d.retire('exit'));
    child.stdin!.write(mkvHeader('h264', o.width, o.height));
    d.setRef(false);
    return d;
  }

  /** Idle and usable. */
  get ready(): boolean {
    return !this.dead && !this.busy;
  }

  get alive(): boolean {
    return !this.dead;
  }

  /** What ffmpeg logged (diagnostics). */
  get log(): string {
    return this.stderr;
  }

  /**
   * Decodes `pictures` (decode order, starting with an IDR; `target` indexes the wanted one) and
   * resolves with the target's RGBA, or null (the decoder is then retired).
   */
  decode(pictures: FedPicture[], target: number): Promise<Uint8Array | null> {
    if (!this.ready || !pictures[0]?.key) return Promise.resolve(null);
    // Even timestamps by presentation rank, the target's odd.
    const order = pictures.map((p, i) => i).sort((a, b) => pictures[a]!.pts - pictures[b]!.pts);
    const rel = new Array<number>(pictures.length);
    order.forEach((i, rank) => (rel[i] = 2 * rank + (i === target ? 1 : 0)));
    const blocks: MkvBlock[] = pictures.map((p, i) => ({
      rel: rel[i]!,
      key: p.key,
      data: i === 0 ? concat(this.o.paramSets, p.data) : p.data,
    }));
    const cluster = mkvCluster(this.clock, blocks);
    // Targets of successive requests reach the output (whose time base is the frame rate, e.g.
    // 1/30 s) at least a second apart, so its timestamps stay strictly increasing.
    this.clock += Math.max(1000, 2 * (pictures.length + 1));
    this.busy = true;
    this.setRef(true);
    return new Promise<Uint8Array | null>((resolve) => {
      const timer = setTimeout(() => this.retire('timeout'), BASE_TIMEOUT_MS + PER_PICTURE_MS * pictures.length);
      this.waiting = (f) => {
        clearTimeout(timer);
        this.waiting = null;
        this.busy = false;
        if (!this.dead) this.setRef(false);
        resolve(f);
      };
      this.child!.stdin!.write(cluster);
    });
  }

  private settle(f: Uint8Array | null): void {
    if (this.waiting) this.waiting(f);
    else if (f) this.retire('out of step'); // a frame nobody asked for
  }

  /** Stops the process; a pending request resolves with null. */
  retire(why: StreamDecoder['failure'] = null): void {
    if (this.dead) return;
    this.dead = true;
    this.failure = why;
    this.child?.kill('SIGKILL');
    this.reader?.destroy();
    this.waiting?.(null);
  }

  private setRef(on: boolean): void {
    const handles = [this.child, this.child?.stdin, this.child?.stderr, this.reader] as ({ ref(): void; unref(): void } | null | undefined)[];
    for (const h of handles) if (h && typeof h.unref === 'function') (on ? h.ref() : h.unref());
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
