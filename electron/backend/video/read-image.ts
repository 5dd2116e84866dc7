/** Decodes one frame of a frames folder to RGBA: PNG with pngjs, JPG with ffmpeg (image2 -> rawvideo). */
import { readFile } from 'node:fs/promises';
import { PNG } from 'pngjs';
import { VssError } from '../../core/errors.ts';
import { lastErrorLine } from './run-tool.ts';
import { runRaw } from './run-raw.ts';

export async function readImageRgba(path: string, width: number, height: number): Promise<Uint8Array> {
  let rgba: Uint8Array;
  if (/\.png$/i.test(path)) {
    try {
      const png = PNG.sync.read(await readFile(path));
      if (png.width !== width || png.height !== height) {
        throw new VssError('UNSUPPORTED', `frame ${path} is ${png.width}x${png.height}, expected ${width}x${height}`);
      }
      rgba = new Uint8Array(png.data.buffer, png.data.byteOffset, png.data.byteLength);
    } catch (e) {
      if (e instanceof VssError) throw e;
      throw new VssError('CORRUPT', `cannot decode PNG ${path}: ${e instanceof Error ? e.message : String(e)}`);
    }
  } else {
    const r = await runRaw(['-nostdin', '-v', 'error', '-i', path, '-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', 'rgba', '-']);
    if (r.code !== 0) throw new VssError('CORRUPT', `cannot decode JPG ${path}: ${lastErrorLine(r.stderr)}`);
    rgba = r.stdout;
  }
  if (rgba.byteLength !== width * height * 4) {
    throw new VssError('UNSUPPORTED', `frame ${path} does not decode to ${width}x${height}`);
  }
  return rgba;
}
