/**
 * `vss flow a.png b.png [--preset ultrafast|fast|medium] --out f.flo`: DIS optical flow from a to b,
 * written as a Middlebury .flo file (atomically). Prints one JSON line
 * {width, height, preset, ms, out}; ms is the compute time of the flow alone, measured on a second
 * run after one warm-up run on the same pair.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { PNG } from 'pngjs';
import { UsageError } from '../args.ts';
import type { CliCommand } from '../command.ts';
import { fields } from '../output.ts';
import { writeAtomic } from '../temp-files.ts';
import { VssError } from '../../core/errors.ts';
import { disFlow } from '../../engine/flow/dis.ts';
import { DIS_PRESET_NAMES, type DisPreset } from '../../engine/flow/dis-options.ts';
import { encodeFlo } from '../../engine/flow/flo.ts';
import { toGray } from '../../engine/image/gray.ts';
import type { GrayImage } from '../../core/types.ts';

async function readPngGray(path: string): Promise<GrayImage> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new VssError('NOT_FOUND', `no such file: ${path}`);
    if (code === 'EISDIR') throw new VssError('BAD_REQUEST', `not a file: ${path}`);
    throw new VssError('NOT_FOUND', `cannot read ${path}: ${code ?? 'error'}`);
  }
  let png: PNG;
  try {
    png = PNG.sync.read(bytes);
  } catch (e) {
    const why = e instanceof Error ? e.message.split('\n')[0] : 'unreadable';
    throw new VssError('CORRUPT', `not a valid PNG: ${path} (${why})`);
  }
  // pngjs always hands back 8-bit RGBA; grey inputs have R = G = B, so luma is exact for them.
  return toGray(png.data, png.width, png.height, { channels: 4 });
}

export const flowCommand: CliCommand = {
  name: 'flow',
  summary: 'DIS optical flow from a.png to b.png, written as a Middlebury .flo file',
  description: 'ms in the result is the compute time of the flow alone, measured on a second run after a warm-up run.',
  positionals: [{ name: 'a.png' }, { name: 'b.png' }],
  options: [
    { name: 'out', kind: 'string', value: 'file.flo', required: true, help: '.flo file to write (atomically)' },
    { name: 'preset', kind: 'string', choices: DIS_PRESET_NAMES, default: 'fast', help: 'DIS speed/accuracy preset' },
  ],
  examples: ['vss flow a.png b.png --out ab.flo', 'vss flow a.png b.png --preset medium --out ab.flo --json'],
  async run(args) {
    const [pa, pb] = args.positionals.map((p) => resolve(p)) as [string, string];
    const preset = args.string('preset') as DisPreset;
    const out = resolve(args.need('out'));
    if (!/\.flo$/i.test(out)) throw new UsageError('--out must name a .flo file');
    const a = await readPngGray(pa);
    const b = await readPngGray(pb);
    if (a.width !== b.width || a.height !== b.height) {
      throw new VssError('BAD_REQUEST', `image sizes differ: ${a.width}x${a.height} vs ${b.width}x${b.height}`);
    }
    if (Math.min(a.width, a.height) < 8) throw new VssError('BAD_REQUEST', `image too small for DIS: ${a.width}x${a.height}`);
    const opts = { preset };
    disFlow(a, b, opts); // warm-up (JIT, scratch buffers)
    const t0 = performance.now();
    const flow = disFlow(a, b, opts);
    const ms = Math.round((performance.now() - t0) * 100) / 100;
    await writeAtomic(out, Buffer.from(encodeFlo(flow)));
    const data = { width: flow.width, height: flow.height, preset, ms, out };
    return { data, text: fields([['size', `${flow.width}x${flow.height}`], ['preset', preset], ['compute', `${ms} ms`], ['written', out]]) };
  },
};
