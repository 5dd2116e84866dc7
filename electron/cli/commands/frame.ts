/** `vss frame <video|frames-dir> --index N --out f.png`: writes exactly frame N as a PNG (atomically). */
import { rename, rm, writeFile } from 'node:fs/promises';
import { dirname, basename, join, resolve } from 'node:path';
import { PNG } from 'pngjs';
import { flagInt, flagString, parseArgs, requireFlag } from '../args.ts';
import type { CliCommand } from '../command.ts';
import { ValidationError } from '../../shared/validate.ts';
import { createVideoService } from '../../backend/video/service.ts';

export function encodePng(rgba: Uint8Array, width: number, height: number): Buffer {
  const png = new PNG({ width, height });
  png.data = Buffer.from(rgba.buffer, rgba.byteOffset, rgba.byteLength);
  return PNG.sync.write(png);
}

/** Writes to a temp file beside `path`, then renames over it: readers never see half a file. */
export async function writeAtomic(path: string, data: Buffer): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

export const frameCommand: CliCommand = {
  name: 'frame',
  usage: 'vss frame <video|frames-dir> --index N --out f.png [--verify full|packets]',
  summary: 'write exactly frame N (0-based, presentation order) as PNG; prints {index,width,height,pts,out}',
  async run(argv, io) {
    const args = parseArgs(argv);
    const path = args.positionals[0];
    if (!path || args.positionals.length > 1) throw new ValidationError(`usage: ${this.usage}`);
    const index = flagInt(args, 'index');
    if (index === undefined) throw new ValidationError('missing --index');
    const out = resolve(requireFlag(args, 'out'));
    if (!/\.png$/i.test(out)) throw new ValidationError('--out must name a .png file');
    const verify = flagString(args, 'verify') ?? 'full';
    if (verify !== 'full' && verify !== 'packets') throw new ValidationError('--verify must be "full" or "packets"');
    // 'full' (default) numbers frames exactly as `vss probe` does, also in damaged files.
    const svc = createVideoService({ verify, maxRuns: 1 });
    try {
      const info = await svc.open(path);
      const f = await svc.frame(info.id, index);
      await writeAtomic(out, encodePng(f.rgba, f.width, f.height));
      io.out(JSON.stringify({ index: f.index, width: f.width, height: f.height, pts: f.pts, out }));
      return 0;
    } finally {
      await svc.dispose();
    }
  },
};
