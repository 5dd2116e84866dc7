/**
 * `vss eval --pred <labels-dir> --gt <labels-dir>`: per-class IoU (by class name when names are
 * known), mIoU and pixel accuracy, accumulated over all frames matched by file stem. The classes
 * come from --model, a classes.json beside the labels, or --classes (eval-classes.ts).
 */
import { resolve } from 'node:path';
import type { CliCommand } from '../command.ts';
import { fields, num } from '../output.ts';
import { evaluateFolders } from '../../engine/segment/evaluate.ts';
import { evalClasses } from './eval-classes.ts';

/** Ground-truth value used when nothing is ignored: no class can have it (at most 255 classes, ids 0..254). */
const NO_IGNORE = 255;

export const evalCommand: CliCommand = {
  name: 'eval',
  summary: 'score predicted label PNGs against ground truth: per-class IoU, mIoU, pixel accuracy',
  description:
    'Classes and the ignore index come from --model, else from a classes.json in the --gt folder (then the --pred folder; ' +
    '`vss export --format labels` writes one), else from --classes. Without any of them eval stops rather than guess.',
  options: [
    { name: 'pred', kind: 'string', value: 'labels-dir', required: true, help: 'folder of predicted label PNGs (pixel value = class id)' },
    { name: 'gt', kind: 'string', value: 'labels-dir', required: true, help: 'folder of ground-truth label PNGs, matched to --pred by file stem' },
    { name: 'model', kind: 'string', value: 'bundle-dir', help: 'take class names and the ignore index from this model bundle' },
    { name: 'classes', kind: 'int', value: 'N', min: 1, max: 255, help: 'number of classes, when no model or classes.json names them' },
    { name: 'ignore', kind: 'int', value: 'I', min: 0, max: 255, defaultText: 'from the class source, else none', help: 'ground-truth value to skip' },
  ],
  examples: ['vss eval --pred runs/clip/labels --gt data/gt --model native-models/camvid-lite', 'vss eval --pred out/labels --gt gt --classes 19 --ignore 255 --json'],
  async run(args) {
    const pred = resolve(args.need('pred'));
    const gt = resolve(args.need('gt'));
    const model = args.string('model');
    const classes = await evalClasses({ gt, pred, ...(model !== undefined ? { model } : {}), classes: args.number('classes'), ignore: args.number('ignore') });
    const ignoreIndex = classes.ignoreIndex ?? NO_IGNORE;
    const r = await evaluateFolders(pred, gt, { classes: classes.count, ignoreIndex, ...(classes.names ? { names: classes.names } : {}) });
    const pct = (v: number | null): string => (v === null ? '–' : `${num(100 * v, 1)} %`);
    const text = [
      fields([['frames', r.frames], ['mIoU', pct(r.miou)], ['pixel accuracy', pct(r.pixelAccuracy)], ['classes from', classes.source], ['unmatched', r.unmatched.pred || r.unmatched.gt ? `${r.unmatched.pred} pred, ${r.unmatched.gt} gt` : undefined]]),
      'IoU per class:',
      fields(Object.entries(r.iou).map(([k, v]) => [`  ${k}`, pct(v)])),
    ].join('\n');
    return { data: { ...r, classSource: classes.source }, text };
  },
};
