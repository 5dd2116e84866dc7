/**
 * Cityscapes layout:
 *   gtFine/<split>/<city>/<city>_000000_<frame6>_gtFine_labelIds.png   Cityscapes label ids
 *   gtFine/<split>/<city>/<city>_000000_<frame6>_gtFine_labelTrainIds.png  trainIds (0..18, 255 ignore)
 *   gtFine/<split>/<city>/<city>_000000_<frame6>_gtFine_color.png      Cityscapes colours
 *   leftImg8bit/<split>/<city>/<city>_000000_<frame6>_leftImg8bit.png  video frame (with a frame source)
 * <frame6> is the video frame index, zero-padded to 6 digits, so names follow Cityscapes'
 * city_sequence_frame pattern that its loaders parse. mapping.json records the class mapping.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { VssError } from '../../core/errors.ts';
import { encodeLabelPng, encodeRgbPng } from '../project/label-png.ts';
import { cityscapesIdTable, cityscapesLabelFor, cityscapesPalette, cityscapesTrainIdTable } from './cityscapes-map.ts';
import { colorizeRgb } from '../../core/palette.ts';
import type { LabelMap } from '../../core/types.ts';
import type { ExportJob } from './types.ts';

const SAFE = /^[A-Za-z0-9][A-Za-z0-9-]*$/;

export function cityscapesStem(city: string, index: number): string {
  return `${city}_000000_${String(index).padStart(6, '0')}`;
}

/** Maps every class id through a 256-entry id table. */
function remap(l: LabelMap, table: Uint8Array): LabelMap {
  const out = new Uint8Array(l.data.length);
  for (let i = 0; i < out.length; i++) out[i] = table[l.data[i]!]!;
  return { width: l.width, height: l.height, data: out };
}

export async function writeCityscapes(job: ExportJob): Promise<string[]> {
  const split = job.options.split ?? 'train';
  const city = job.options.city ?? 'vss';
  if (!SAFE.test(split) || !SAFE.test(city)) throw new VssError('BAD_REQUEST', 'cityscapes split and city must be letters, digits or "-" (no "_")');
  const gt = join(job.dir, 'gtFine', split, city);
  await mkdir(gt, { recursive: true });
  const img = join(job.dir, 'leftImg8bit', split, city);
  if (job.options.frames) await mkdir(img, { recursive: true });
  const table = cityscapesIdTable(job.classes, job.ignoreIndex);
  const trainTable = cityscapesTrainIdTable(job.classes, job.ignoreIndex);
  const lut = cityscapesPalette();
  for (const f of job.frames) {
    const labels = await job.labels(f.stem);
    const ids = remap(labels, table);
    const name = cityscapesStem(city, f.videoFrame);
    await writeFile(join(gt, `${name}_gtFine_labelIds.png`), encodeLabelPng(ids));
    await writeFile(join(gt, `${name}_gtFine_labelTrainIds.png`), encodeLabelPng(remap(labels, trainTable)));
    await writeFile(join(gt, `${name}_gtFine_color.png`), encodeRgbPng(ids.width, ids.height, colorizeRgb(ids, lut)));
    if (job.options.frames) {
      const fr = await job.options.frames(f.videoFrame);
      const rgb = new Uint8Array(fr.width * fr.height * 3);
      for (let i = 0, j = 0; j < rgb.length; i += 4, j += 3) {
        rgb[j] = fr.rgba[i]!;
        rgb[j + 1] = fr.rgba[i + 1]!;
        rgb[j + 2] = fr.rgba[i + 2]!;
      }
      await writeFile(join(img, `${name}_leftImg8bit.png`), encodeRgbPng(fr.width, fr.height, rgb));
    }
    job.tick();
  }
  const mapping = job.classes.map((c) => {
    const l = c.id === job.ignoreIndex ? cityscapesLabelFor('') : cityscapesLabelFor(c.name);
    return { id: c.id, name: c.name, cityscapesId: l.id, cityscapesName: l.name, trainId: l.trainId };
  });
  await writeFile(join(job.dir, 'mapping.json'), JSON.stringify({ ignoreIndex: job.ignoreIndex, voidTo: 0, mapping }, null, 2) + '\n');
  return ['mapping.json', `gtFine/${split}/${city}`];
}
