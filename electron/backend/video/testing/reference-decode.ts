/** The reference decode tests compare against: plain sequential ffmpeg, every frame, RGBA. */
import { runRaw } from '../run-raw.ts';

export async function referenceFrames(path: string, width: number, height: number): Promise<Uint8Array[]> {
  const r = await runRaw(['-nostdin', '-v', 'error', '-i', path, '-vsync', '0', '-f', 'rawvideo', '-pix_fmt', 'rgba', '-']);
  if (r.code !== 0) throw new Error(`reference decode failed: ${r.stderr.trim()}`);
  const size = width * height * 4;
  const frames: Uint8Array[] = [];
  for (let o = 0; o + size <= r.stdout.byteLength; o += size) frames.push(r.stdout.subarray(o, o + size));
  return frames;
}
