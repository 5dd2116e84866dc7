/** In-memory frame sources for runs without the video service (benchmarks, evaluation, tests). */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { stemMapFor } from '../../core/frame-stems.ts';
import type { SourceFrame } from './types.ts';

/** Every PNG of a folder, sorted by name, decoded to RGBA; stem = name without extension. */
export async function readPngFolder(dir: string, limit = Infinity): Promise<SourceFrame[]> {
  const names = (await readdir(dir)).filter((n) => n.toLowerCase().endsWith('.png')).sort().slice(0, limit);
  const stems = stemMapFor({ kind: 'frames', frameNames: names });
  const frames: SourceFrame[] = [];
  for (const [index, name] of names.entries()) {
    const png = PNG.sync.read(await readFile(join(dir, name)));
    frames.push({ index, stem: stems.stemOf(index), width: png.width, height: png.height, rgba: new Uint8Array(png.data), decodeMs: 0 });
  }
  return frames;
}

/**
 * A camera's clock for realtime runs: wait(i) resolves no sooner than i / fps seconds after the
 * first call (at once when that time has passed: a slow consumer gets every frame, none dropped).
 */
export function cameraClock(fps: number): (index: number) => Promise<void> {
  if (!(fps > 0 && Number.isFinite(fps))) throw new RangeError(`camera clock: fps must be > 0, got ${fps}`);
  let t0: number | undefined;
  return async (index) => {
    t0 ??= performance.now();
    const wait = t0 + (index * 1000) / fps - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  };
}

/** Frames handed over at a camera's rate: the i-th frame not before i / fps seconds after the first. */
export async function* pacedFrames(frames: Iterable<SourceFrame>, fps: number): AsyncIterable<SourceFrame> {
  const wait = cameraClock(fps);
  let i = 0;
  for (const f of frames) {
    await wait(i++);
    yield f;
  }
}

/** Frames as the async stream runSegment consumes (first `count` of them, all by default). */
export async function* streamFrames(frames: readonly SourceFrame[], count = frames.length): AsyncIterable<SourceFrame> {
  for (let i = 0; i < count; i++) yield frames[i]!;
}
