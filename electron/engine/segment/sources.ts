/** In-memory frame sources for runs without the video service (benchmarks, evaluation, tests). */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import type { SourceFrame } from './types.ts';

/** Every PNG of a folder, sorted by name, decoded to RGBA; stem = name without extension. */
export async function readPngFolder(dir: string, limit = Infinity): Promise<SourceFrame[]> {
  const names = (await readdir(dir)).filter((n) => n.toLowerCase().endsWith('.png')).sort().slice(0, limit);
  const frames: SourceFrame[] = [];
  for (const [index, name] of names.entries()) {
    const png = PNG.sync.read(await readFile(join(dir, name)));
    frames.push({ index, stem: name.slice(0, -4), width: png.width, height: png.height, rgba: new Uint8Array(png.data), decodeMs: 0 });
  }
  return frames;
}

/** Frames as the async stream runSegment consumes (first `count` of them, all by default). */
export async function* streamFrames(frames: readonly SourceFrame[], count = frames.length): AsyncIterable<SourceFrame> {
  for (let i = 0; i < count; i++) yield frames[i]!;
}
