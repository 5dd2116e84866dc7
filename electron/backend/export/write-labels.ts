/**
 * "labels": <out>/<stem>.png, 8-bit class ids (void = ignoreIndex);
 * "color":  <out>/<stem>.png, RGB class colours (void black).
 * Both also write <out>/classes.json (id, name, color, ignoreIndex).
 */
import { join } from 'node:path';
import { writeFile } from 'node:fs/promises';
import { encodeLabelPng, encodeRgbPng } from '../project/label-png.ts';
import { classPalette, colorizeRgb } from '../../core/palette.ts';
import type { ExportJob } from './types.ts';

async function writeClasses(job: ExportJob): Promise<string> {
  await writeFile(join(job.dir, 'classes.json'), JSON.stringify({ ignoreIndex: job.ignoreIndex, classes: job.classes }, null, 2) + '\n');
  return 'classes.json';
}

export async function writeLabelPngs(job: ExportJob): Promise<string[]> {
  for (const f of job.frames) {
    await writeFile(join(job.dir, `${f.stem}.png`), encodeLabelPng(await job.labels(f.stem)));
    job.tick();
  }
  return [await writeClasses(job)];
}

export async function writeColorPngs(job: ExportJob): Promise<string[]> {
  const lut = classPalette(job.classes, { ignoreIndex: null });
  for (const f of job.frames) {
    const l = await job.labels(f.stem);
    await writeFile(join(job.dir, `${f.stem}.png`), encodeRgbPng(l.width, l.height, colorizeRgb(l, lut)));
    job.tick();
  }
  return [await writeClasses(job)];
}
