/** `vss frame <video|frames-dir> --index N --out f.png`: writes exactly frame N as a PNG (atomically). */
import { resolve } from 'node:path';
import { PNG } from 'pngjs';
import { UsageError } from '../args.ts';
import type { CliCommand } from '../command.ts';
import { fields } from '../output.ts';
import { writeAtomic } from '../temp-files.ts';
import { createVideoService } from '../../backend/video/service.ts';
import { VERIFY_OPTION } from './shared-options.ts';

export function encodePng(rgba: Uint8Array, width: number, height: number): Buffer {
  const png = new PNG({ width, height });
  png.data = Buffer.from(rgba.buffer, rgba.byteOffset, rgba.byteLength);
  return PNG.sync.write(png);
}

export const frameCommand: CliCommand = {
  name: 'frame',
  summary: 'write exactly frame N (0-based, presentation order) as a PNG',
  positionals: [{ name: 'video|frames-dir' }],
  options: [
    { name: 'index', kind: 'int', value: 'N', min: 0, required: true, help: 'frame number, 0-based in presentation order' },
    { name: 'out', kind: 'string', value: 'file.png', required: true, help: 'PNG file to write (atomically)' },
    VERIFY_OPTION,
  ],
  examples: ['vss frame clip.mp4 --index 120 --out f120.png'],
  async run(args) {
    const out = resolve(args.need('out'));
    if (!/\.png$/i.test(out)) throw new UsageError('--out must name a .png file');
    // 'full' (default) numbers frames exactly as `vss probe` does, also in damaged files.
    const svc = createVideoService({ verify: args.string('verify') as 'full' | 'packets', maxRuns: 1 });
    try {
      const info = await svc.open(args.positionals[0]!);
      const f = await svc.frame(info.id, args.number('index')!);
      await writeAtomic(out, encodePng(f.rgba, f.width, f.height));
      const data = { index: f.index, width: f.width, height: f.height, pts: f.pts, out };
      return { data, text: fields([['frame', f.index], ['size', `${f.width}x${f.height}`], ['pts', `${f.pts} s`], ['written', out]]) };
    } finally {
      await svc.dispose();
    }
  },
};
