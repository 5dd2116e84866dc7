/**
 * CVAT "Segmentation mask 1.1" (Pascal VOC-like), as CVAT/Datumaro read it:
 *   labelmap.txt                       "# label:color_rgb:parts:actions", then "name:r,g,b::",
 *                                      background first (void pixels, 0,0,0)
 *   ImageSets/Segmentation/default.txt frame names without extension, one per line
 *   SegmentationClass/<stem>.png       RGB, each pixel the labelmap colour of its class
 *   SegmentationObject/<stem>.png      RGB instance mask; semantic labels have no instances, so
 *                                      each class present is one object (optional, on by default)
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { encodeRgbPng } from '../project/label-png.ts';
import type { ClassInfo } from '../project/types.ts';
import { classPalette, colorizeRgb } from '../../core/palette.ts';
import type { ExportJob } from './types.ts';

/** Label names cannot hold ":" (field separator) or line breaks. */
const cleanName = (n: string) => n.replace(/[:\r\n]/g, '_').trim() || 'class';

/** Classes as written to labelmap.txt: colours made unique and different from background black. */
export function cvatClasses(classes: readonly ClassInfo[], ignoreIndex: number): ClassInfo[] {
  const used = new Set<string>(['0,0,0']);
  return classes
    .filter((c) => c.id !== ignoreIndex && cleanName(c.name).toLowerCase() !== 'background')
    .map((c) => {
      const col: [number, number, number] = [...c.color];
      while (used.has(col.join(','))) col[2] = (col[2] + 1) % 256;
      used.add(col.join(','));
      return { id: c.id, name: cleanName(c.name), color: col };
    });
}

export function labelmapText(classes: readonly ClassInfo[]): string {
  const lines = ['# label:color_rgb:parts:actions', 'background:0,0,0::'];
  for (const c of classes) lines.push(`${c.name}:${c.color.join(',')}::`);
  return lines.join('\n') + '\n';
}

/** Pascal VOC colour map entry i (bit-interleaved), used for SegmentationObject instances. */
export function vocColor(i: number): [number, number, number] {
  let r = 0;
  let g = 0;
  let b = 0;
  for (let k = 0, c = i; k < 8; k++, c >>= 3) {
    r |= ((c >> 0) & 1) << (7 - k);
    g |= ((c >> 1) & 1) << (7 - k);
    b |= ((c >> 2) & 1) << (7 - k);
  }
  return [r, g, b];
}

export async function writeCvat(job: ExportJob): Promise<string[]> {
  const classes = cvatClasses(job.classes, job.ignoreIndex);
  const lut = classPalette(classes, { ignoreIndex: null });
  const segClass = join(job.dir, 'SegmentationClass');
  const segObj = join(job.dir, 'SegmentationObject');
  const sets = join(job.dir, 'ImageSets', 'Segmentation');
  await mkdir(segClass, { recursive: true });
  await mkdir(segObj, { recursive: true });
  await mkdir(sets, { recursive: true });
  await writeFile(join(job.dir, 'labelmap.txt'), labelmapText(classes));
  for (const f of job.frames) {
    const l = await job.labels(f.stem);
    await writeFile(join(segClass, `${f.stem}.png`), encodeRgbPng(l.width, l.height, colorizeRgb(l, lut)));
    const present = new Set(l.data);
    const objects = classes.filter((c) => present.has(c.id)).map((c, n) => ({ id: c.id, color: vocColor(n + 1) }));
    const objLut = classPalette(objects, { ignoreIndex: null });
    await writeFile(join(segObj, `${f.stem}.png`), encodeRgbPng(l.width, l.height, colorizeRgb(l, objLut)));
    job.tick();
  }
  await writeFile(join(sets, 'default.txt'), job.frames.map((f) => f.stem).join('\n') + '\n');
  return ['labelmap.txt', 'ImageSets/Segmentation/default.txt', 'SegmentationClass', 'SegmentationObject'];
}
