/**
 * The e2e clip: H.264 (with B-frames) whose frames show their own index as black/white blocks,
 * made with the shared generator, and the reader that decodes an index from displayed pixels.
 */
import { makeClip } from '../../electron/backend/video/testing/make-clip.ts';
import { readIndexPattern } from '../../electron/backend/video/testing/index-pattern.ts';

export const CLIP = { width: 320, height: 192, fps: 25 } as const;

export function makeIndexClip(dir: string, frames: number): Promise<string> {
  return makeClip({
    name: 'index-clip.mp4',
    dir,
    width: CLIP.width,
    height: CLIP.height,
    frames,
    fps: CLIP.fps,
    codecArgs: ['-c:v', 'libx264', '-preset', 'veryfast', '-crf', '14', '-bf', '2', '-g', '12'],
  });
}

/** The index painted in an image-sized RGBA buffer (base64, as sampled from the page). */
export function decodeIndexFromBase64(base64: string, width: number, height: number): number {
  const rgba = new Uint8Array(Buffer.from(base64, 'base64'));
  return rgba.length === width * height * 4 ? readIndexPattern(rgba, width, height) : -1;
}
