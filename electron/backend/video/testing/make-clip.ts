/**
 * Test clips made with the bundled ffmpeg from frames painted in Node (so the content of each
 * frame is known exactly): raw RGBA frames are piped into ffmpeg and encoded with the given
 * codec arguments. Used by the video unit tests and by other areas' e2e tests.
 *
 *   const clip = await makeClip({ name: 'b.mp4', width: 160, height: 96, frames: 48,
 *     codecArgs: ['-c:v', 'libx264', '-bf', '3', '-g', '12'] });
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { toolPath } from '../ffmpeg-paths.ts';
import { paintIndexPattern } from './index-pattern.ts';

export type Painter = (rgba: Uint8Array, width: number, height: number, index: number) => void;

export interface ClipOptions {
  /** File name including extension (the container follows it). */
  name: string;
  /** Folder to write into; default a fresh temp folder. */
  dir?: string;
  width: number;
  height: number;
  frames: number;
  fps?: number;
  /** Encoder arguments, e.g. ['-c:v', 'libx264', '-bf', '3', '-g', '12']. */
  codecArgs: string[];
  /** Paints frame `index`; default paintIndexPattern. */
  painter?: Painter;
  /** Extra output arguments (e.g. ['-metadata:s:v:0', 'rotate=90']). */
  outputArgs?: string[];
  /** Video filter applied before encoding (e.g. a setpts expression for VFR clips). */
  filter?: string;
  /**
   * Rotation metadata, written by a stream-copy remux (`-metadata:s:v:0 rotate=N`; the 2018
   * ffmpeg ignores it while encoding). Note: that ffmpeg stores the matrix so that players
   * read rotate=90 back as 270 degrees clockwise; compare against the display matrix.
   */
  rotate?: number;
}

export function makeTempDir(prefix = 'vss-clip-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function runFfmpeg(args: string[], stdin?: (write: (b: Uint8Array) => Promise<void>) => Promise<void>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(toolPath('ffmpeg'), args, { stdio: [stdin ? 'pipe' : 'ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr?.on('data', (b: Buffer) => (err += b.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`ffmpeg failed (${code}): ${err.trim().split('\n').pop()}`))));
    if (stdin && child.stdin) {
      const sink = child.stdin;
      sink.on('error', () => undefined);
      const write = (b: Uint8Array) =>
        new Promise<void>((res) => {
          if (sink.write(b)) res();
          else sink.once('drain', () => res());
        });
      stdin(write).then(() => sink.end(), reject);
    }
  });
}

/** Encodes a clip and returns its path. */
export async function makeClip(o: ClipOptions): Promise<string> {
  const dir = o.dir ?? makeTempDir();
  const final = join(dir, o.name);
  const out = o.rotate ? join(dir, `unrotated-${o.name}`) : final;
  const paint = o.painter ?? paintIndexPattern;
  const args = [
    '-v', 'error', '-y', '-f', 'rawvideo', '-pix_fmt', 'rgba', '-s', `${o.width}x${o.height}`,
    '-r', String(o.fps ?? 25), '-i', '-',
    ...(o.filter ? ['-vf', o.filter] : []),
    ...o.codecArgs, '-pix_fmt', 'yuv420p', ...(o.outputArgs ?? []), out,
  ];
  await runFfmpeg(args, async (write) => {
    for (let i = 0; i < o.frames; i++) {
      const rgba = new Uint8Array(o.width * o.height * 4);
      paint(rgba, o.width, o.height, i);
      await write(rgba);
    }
  });
  if (o.rotate) {
    await runFfmpeg(['-v', 'error', '-y', '-i', out, '-c', 'copy', '-metadata:s:v:0', `rotate=${o.rotate}`, final]);
    rmSync(out, { force: true });
  }
  return final;
}

/** Writes a folder of PNG frames with the given names (painted with their position in `names`). */
export function makePngFolder(names: string[], width: number, height: number, painter: Painter = paintIndexPattern, dir = makeTempDir('vss-frames-')): string {
  names.forEach((name, i) => {
    const png = new PNG({ width, height });
    const rgba = new Uint8Array(png.data.buffer, png.data.byteOffset, png.data.byteLength);
    painter(rgba, width, height, i);
    writeFileSync(join(dir, name), PNG.sync.write(png));
  });
  return dir;
}
