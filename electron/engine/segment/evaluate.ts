/**
 * Scores a folder of predicted label PNGs against a folder of ground-truth label PNGs (`vss eval`,
 * scripts/eval.ts). Files are matched by stem (name without extension); intersection and union
 * are accumulated over all matched frames before averaging (metrics/confusion.ts); ground-truth
 * pixels equal to ignoreIndex are skipped.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { VssError } from '../../core/errors.ts';
import { ConfusionMatrix } from '../metrics/confusion.ts';
import { decodeGray8 } from './png.ts';

export interface EvalOptions {
  classes: number;
  ignoreIndex: number;
  /** Class names (index = id); ids are used when absent. */
  names?: string[];
}

export interface EvalResult {
  frames: number;
  miou: number;
  pixelAccuracy: number;
  /** Per class IoU by name (or id); null where the class is absent from both. */
  iou: Record<string, number | null>;
  classes: number;
  ignoreIndex: number;
  /** Stems present on only one side. */
  unmatched: { pred: number; gt: number };
}

async function pngStems(dir: string, flag: string): Promise<Map<string, string>> {
  const st = await stat(dir).catch(() => undefined);
  if (!st || !st.isDirectory()) throw new VssError('NOT_FOUND', `${flag} folder not found: ${dir}`);
  const m = new Map<string, string>();
  for (const name of await readdir(dir)) {
    if (extname(name).toLowerCase() === '.png') m.set(name.slice(0, -4), join(dir, name));
  }
  return m;
}

export async function evaluateFolders(predDir: string, gtDir: string, o: EvalOptions): Promise<EvalResult> {
  const pred = await pngStems(predDir, '--pred');
  const gt = await pngStems(gtDir, '--gt');
  const stems = [...pred.keys()].filter((s) => gt.has(s)).sort();
  if (stems.length === 0) throw new VssError('NOT_FOUND', `no matching label files: ${pred.size} PNGs in --pred, ${gt.size} in --gt, none with the same name`);
  const cm = new ConfusionMatrix(o.classes, { ignoreIndex: o.ignoreIndex });
  for (const s of stems) {
    const p = decodeGray8(await readFile(pred.get(s)!));
    const g = decodeGray8(await readFile(gt.get(s)!));
    if (p.width !== g.width || p.height !== g.height) {
      throw new VssError('BAD_REQUEST', `size mismatch for "${s}": prediction ${p.width}x${p.height}, ground truth ${g.width}x${g.height}`);
    }
    cm.add(g.data, p.data);
  }
  const sc = cm.scores();
  const iou: Record<string, number | null> = {};
  sc.iou.forEach((v, i) => (iou[o.names?.[i] ?? String(i)] = Number.isFinite(v) ? v : null));
  return {
    frames: stems.length,
    miou: sc.miou,
    pixelAccuracy: sc.pixelAccuracy,
    iou,
    classes: o.classes,
    ignoreIndex: o.ignoreIndex,
    unmatched: { pred: pred.size - stems.length, gt: gt.size - stems.length },
  };
}
