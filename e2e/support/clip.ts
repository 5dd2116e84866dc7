/**
 * Test clips whose every frame shows its own index as a row of black/white blocks, so a test can
 * read back which frame is on screen from a few pixels. Encoded as H.264 with the bundled ffmpeg.
 * (Stand-in until electron/backend/video/testing/make-clip.ts is shared.)
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

export const CLIP = { width: 320, height: 192, fps: 25, bits: 8, block: 32, gap: 4, top: 32, left: 16 } as const;

/** Centre of bit b's block in image pixels (bit 0 = most significant, leftmost). */
export function bitCentre(b: number): { x: number; y: number } {
  return { x: CLIP.left + b * (CLIP.block + CLIP.gap) + CLIP.block / 2, y: CLIP.top + CLIP.block / 2 };
}

function paint(index: number): Buffer {
  const { width, height, block, bits } = CLIP;
  const rgb = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 3;
      rgb[o] = 40 + ((x * 3) & 63); // a quiet gradient so the clip is not flat
      rgb[o + 1] = 50;
      rgb[o + 2] = 60 + ((y * 2) & 63);
    }
  }
  for (let b = 0; b < bits; b++) {
    const on = (index >> (bits - 1 - b)) & 1;
    const { x: cx, y: cy } = bitCentre(b);
    for (let y = cy - block / 2; y < cy + block / 2; y++) {
      for (let x = cx - block / 2; x < cx + block / 2; x++) {
        const o = (y * width + x) * 3;
        rgb.fill(on ? 255 : 0, o, o + 3);
      }
    }
  }
  return rgb;
}

/** Reads the index back from the RGB(A) samples at each bit's block centre (threshold on luma). */
export function decodeIndex(samples: readonly (readonly number[])[]): number {
  let n = 0;
  for (const [r = 0, g = 0, b = 0] of samples) n = (n << 1) | (0.299 * r + 0.587 * g + 0.114 * b > 128 ? 1 : 0);
  return n;
}

export function ffmpegPath(): string {
  const require = createRequire(import.meta.url);
  return process.env.FFMPEG_PATH ?? (require('@ffmpeg-installer/ffmpeg') as { path: string }).path;
}

export async function makeIndexClip(out: string, frames: number): Promise<void> {
  const { width, height, fps } = CLIP;
  const args = ['-hide_banner', '-loglevel', 'error', '-y', '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-s', `${width}x${height}`, '-r', String(fps), '-i', 'pipe:0'];
  args.push('-c:v', 'libx264', '-preset', 'veryfast', '-crf', '12', '-g', '12', '-pix_fmt', 'yuv420p', out);
  const ff = spawn(ffmpegPath(), args, { stdio: ['pipe', 'ignore', 'pipe'] });
  let err = '';
  ff.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const done = new Promise<void>((resolve, reject) => {
    ff.on('error', reject);
    ff.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`ffmpeg failed (${code}): ${err.trim()}`))));
  });
  for (let i = 0; i < frames; i++) {
    if (!ff.stdin.write(paint(i))) await new Promise((r) => ff.stdin.once('drain', r));
  }
  ff.stdin.end();
  await done;
}
