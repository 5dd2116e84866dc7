/**
 * `vss eval --pred <labels-dir> --gt <labels-dir> [--model <bundle>] [--ignore N] [--classes N]`:
 * prints ONE JSON line with per-class IoU (by class name when a model is given), mIoU and pixel
 * accuracy, accumulated over all frames matched by file stem.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { flagInt, flagString, parseArgs, requireFlag } from '../args.ts';
import type { CliCommand } from '../command.ts';
import { ValidationError } from '../../shared/validate.ts';
import { VssError } from '../../core/errors.ts';
import { parseManifest } from '../../engine/model/manifest.ts';
import { evaluateFolders } from '../../engine/segment/evaluate.ts';

export const evalCommand: CliCommand = {
  name: 'eval',
  usage: 'vss eval --pred <labels-dir> --gt <labels-dir> [--model <bundle-dir>] [--ignore N] [--classes N]',
  summary: 'score predicted label PNGs against ground truth: one JSON line with per-class IoU, mIoU, pixel accuracy',
  async run(argv, io) {
    const args = parseArgs(argv);
    if (args.positionals.length > 0) throw new ValidationError(`usage: ${this.usage}`);
    const pred = resolve(requireFlag(args, 'pred'));
    const gt = resolve(requireFlag(args, 'gt'));
    const modelDir = flagString(args, 'model');
    let names: string[] | undefined;
    let bundleIgnore: number | undefined;
    if (modelDir !== undefined) {
      const text = await readFile(join(resolve(modelDir), 'model.json'), 'utf8').catch(() => undefined);
      if (text === undefined) throw new VssError('NOT_FOUND', `model.json not found in ${resolve(modelDir)}`);
      const m = parseManifest(text);
      names = m.classes.map((c) => c.name);
      bundleIgnore = m.ignoreIndex;
    }
    const classes = flagInt(args, 'classes') ?? names?.length ?? 11;
    if (classes < 1 || classes > 255) throw new ValidationError('--classes must be 1..255');
    if (names && names.length !== classes) throw new ValidationError(`--classes ${classes} differs from the model's ${names.length} classes`);
    const ignoreIndex = flagInt(args, 'ignore') ?? bundleIgnore ?? 11;
    if (ignoreIndex < 0 || ignoreIndex > 255) throw new ValidationError('--ignore must be 0..255');
    const r = await evaluateFolders(pred, gt, { classes, ignoreIndex, ...(names ? { names } : {}) });
    io.out(JSON.stringify(r));
    return 0;
  },
};
