/**
 * One ffmpeg that decodes an Annex B elementary stream from its stdin and writes one RGBA
 * frame (output number `rank`) to its stdout. It is started in advance (a spare): it blocks
 * reading stdin, and only after the first bytes arrive does it open its output and read its
 * filter graph from `-filter_script:v` — so the script (`select=eq(n\,rank)`, rotation,
 * format=rgba), written just before the stream, can name the frame although the process
 * started before the request. `-loglevel level+verbose` makes it print, at exit, how many
 * frames it decoded; the result is used only if that equals the pictures fed, exactly one
 * frame came out, nothing was logged as an error and it exited with 0.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { Feed } from './feed-plan.ts';
import { FrameAssembler } from './frame-assembler.ts';
import { spawnRgbaFfmpeg } from './rgba-child.ts';

/** A feed still running after this long is killed (the seek path then serves the frame). */
const STALL_MS = 30_000;

let scriptDir: string | null = null;
let counter = 0;

function newScriptPath(): string {
  if (!scriptDir) {
    const dir = mkdtempSync(join(tmpdir(), 'vss-feed-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    scriptDir = dir;
  }
  return join(scriptDir, `f${++counter}.txt`);
}

export interface PacketDecoderOptions {
  codec: 'h264' | 'hevc';
  threads: number;
  frameBytes: number;
}

export class PacketDecoder {
  private child: ChildProcess | null = null;
  private reader: Readable | null = null;
  private readonly asm: FrameAssembler;
  private readonly frames: Uint8Array[] = [];
  private stderr = '';
  private exit: number | null | undefined;
  private outputClosed = false;
  private done: (() => void) | null = null;
  private used = false;
  private readonly script = newScriptPath();

  private constructor(o: PacketDecoderOptions) {
    this.asm = new FrameAssembler(o.frameBytes, 0, (f) => this.frames.push(f));
  }

  /** Starts a decoder that waits for its stream. */
  static async start(o: PacketDecoderOptions): Promise<PacketDecoder> {
    const d = new PacketDecoder(o);
    const args = [
      '-nostdin', '-hide_banner', '-loglevel', 'level+verbose', '-threads', String(o.threads),
      '-f', o.codec, '-probesize', '32', '-analyzeduration', '0', '-i', 'pipe:0',
      '-map', '0:v:0', '-filter_script:v', d.script, '-vsync', '0', '-f', 'rawvideo', '-pix_fmt', 'rgba', 'pipe:1',
    ];
    const { child, reader } = await spawnRgbaFfmpeg(args, d.asm);
    d.child = child;
    d.reader = reader;
    d.reader!.on('error', () => undefined);
    d.reader!.on('close', () => {
      d.outputClosed = true;
      d.check();
    });
    child.stdin!.on('error', () => undefined);
    child.stderr!.on('data', (b: Buffer) => {
      if (d.stderr.length < 20000) d.stderr += b.toString('utf8');
    });
    child.on('error', () => {
      d.exit = null;
      d.reader?.destroy();
      d.check();
    });
    child.on('close', (code) => {
      d.exit = code;
      d.check();
    });
    d.setRef(false); // an idle spare must not keep the process alive
    return d;
  }

  private setRef(on: boolean): void {
    const handles = [this.child, this.child?.stdin, this.child?.stderr, this.reader] as ({ ref(): void; unref(): void } | null | undefined)[];
    for (const h of handles) if (h && typeof h.unref === 'function') (on ? h.ref() : h.unref());
  }

  /** Still waiting for a stream (not used, not exited). */
  get ready(): boolean {
    return !this.used && this.exit === undefined && !this.outputClosed;
  }

  private check(): void {
    if (this.exit !== undefined && this.outputClosed) this.done?.();
  }

  /** Feeds the stream; resolves with the target's RGBA, or null when anything was unexpected. */
  decode(feed: Feed, filters: string[]): Promise<Uint8Array | null> {
    if (!this.ready) return Promise.resolve(null);
    this.used = true;
    this.setRef(true);
    const result = new Promise<Uint8Array | null>((resolve) => {
      // A feed is at most a GOP: if it has not finished in this time something is wrong.
      const timer = setTimeout(() => this.kill(), STALL_MS);
      this.done = () => {
        clearTimeout(timer);
        resolve(this.judge(feed));
      };
      this.check();
    });
    try {
      writeFileSync(this.script, [`select='eq(n\\,${feed.rank})'`, ...filters, 'format=rgba'].join(','));
    } catch {
      this.kill();
      return result;
    }
    const stdin = this.child!.stdin!;
    for (const c of feed.chunks) stdin.write(c);
    stdin.end();
    return result;
  }

  private judge(feed: Feed): Uint8Array | null {
    rmSync(this.script, { force: true });
    const m = /(\d+) frames decoded/.exec(this.stderr);
    const decoded = m ? Number(m[1]) : -1;
    const errors = /\[(error|fatal|panic)\]/.test(this.stderr);
    if (this.exit !== 0 || errors || decoded !== feed.pictures || this.frames.length !== 1) return null;
    return this.frames[0]!;
  }

  /** Why the last decode was refused (diagnostics). */
  get log(): string {
    return this.stderr;
  }

  kill(): void {
    this.used = true;
    this.child?.kill('SIGKILL');
    this.reader?.destroy();
    rmSync(this.script, { force: true });
  }
}
