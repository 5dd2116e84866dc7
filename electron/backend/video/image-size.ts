/** Reads the pixel size of a PNG or JPEG from its header bytes (no decoding). */
import { open } from 'node:fs/promises';

export interface ImageSize {
  width: number;
  height: number;
}

function pngSize(b: Buffer): ImageSize | null {
  if (b.length < 24 || b.readUInt32BE(0) !== 0x89504e47 || b.toString('ascii', 12, 16) !== 'IHDR') return null;
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

function jpegSize(b: Buffer): ImageSize | null {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return null;
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) {
      i++;
      continue;
    }
    const marker = b[i + 1]!;
    if (marker === 0xff) {
      i++;
      continue;
    }
    const len = b.readUInt16BE(i + 2);
    const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isSof) return { height: b.readUInt16BE(i + 5), width: b.readUInt16BE(i + 7) };
    i += 2 + len;
  }
  return null;
}

/** Size of a PNG/JPEG file, or null when the header is not readable. */
export async function imageSize(path: string): Promise<ImageSize | null> {
  const fh = await open(path, 'r');
  try {
    let want = 64 * 1024;
    for (;;) {
      const buf = Buffer.alloc(want);
      const { bytesRead } = await fh.read(buf, 0, want, 0);
      const b = buf.subarray(0, bytesRead);
      const s = pngSize(b) ?? jpegSize(b);
      if (s || bytesRead < want || want >= 4 * 1024 * 1024) return s;
      want *= 4;
    }
  } finally {
    await fh.close();
  }
}
