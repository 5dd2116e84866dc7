/**
 * `vss flow a.png b.png --preset ultrafast|fast|medium --out f.flo`: DIS optical flow from a to b,
 * written as a Middlebury .flo file (atomically). Prints one JSON line
 * {width, height, preset, ms, out}; ms is the compute time of the flow alone, measured on a second
 * run after one warm-up run on the same pair.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { PNG } from 'pngjs';
import { flagString, parseArgs, requireFlag } from '../args.ts';
import type { CliCommand } from '../command.ts';
import { ValidationError } from '../../shared/validate.ts';
import { VssError } from '../../core/errors.ts';
import { writeAtomic } from './frame.ts';
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
  usage: 'vss flow <a.png> <b.png> --out f.flo [--preset ultrafast|fast|medium]',
  summary: 'DIS optical flow a→b as a Middlebury .flo; prints {width,height,preset,ms,out}',
  async run(argv, io) {
    const args = parseArgs(argv);
    if (args.positionals.length !== 2) throw new ValidationError(`usage: ${this.usage}`);
    const [pa, pb] = args.positionals.map((p) => resolve(p)) as [string, string];
    const preset = flagString(args, 'preset') ?? 'fast';
    if (!(DIS_PRESET_NAMES as readonly string[]).includes(preset)) {
      throw new VssError('BAD_REQUEST', `--preset must be one of ${DIS_PRESET_NAMES.join(', ')}, got "${preset}"`);
    }
    const out = resolve(requireFlag(args, 'out'));
    if (!/\.flo$/i.test(out)) throw new VssError('BAD_REQUEST', '--out must name a .flo file');
    const a = await readPngGray(pa);
    const b = await readPngGray(pb);
    if (a.width !== b.width || a.height !== b.height) {
      throw new VssError('BAD_REQUEST', `image sizes differ: ${a.width}x${a.height} vs ${b.width}x${b.height}`);
    }
    if (Math.min(a.width, a.height) < 8) throw new VssError('BAD_REQUEST', `image too small for DIS: ${a.width}x${a.height}`);
    const opts = { preset: preset as DisPreset };
    disFlow(a, b, opts); // warm-up (JIT, scratch buffers)
    const t0 = performance.now();
    const flow = disFlow(a, b, opts);
    const ms = performance.now() - t0;
    await writeAtomic(out, Buffer.from(encodeFlo(flow)));
    io.out(JSON.stringify({ width: flow.width, height: flow.height, preset, ms: Math.round(ms * 100) / 100, out }));
    return 0;
  },
};
