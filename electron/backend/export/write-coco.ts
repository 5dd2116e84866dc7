/**
 * COCO JSON with RLE masks: <out>/annotations.json (+ <out>/images/<stem>.png with a frame source).
 * One annotation per class present per frame: segmentation {size: [h, w], counts: compressed
 * RLE string as pycocotools writes it}, area (pixel count), bbox [x, y, w, h], iscrowd (default 0,
 * as COCO-Stuff does for its RLE stuff annotations; see docs/export-formats.md). Category id =
 * class id + 1 (COCO ids start at 1); void pixels get no annotation.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { encodeRgbPng } from '../project/label-png.ts';
import { encodeRle, maskBbox, type CocoRle } from './coco-rle.ts';
import type { ExportJob } from './types.ts';

export interface CocoAnnotation {
  id: number;
  image_id: number;
  category_id: number;
  segmentation: CocoRle;
  area: number;
  bbox: [number, number, number, number];
  iscrowd: 0 | 1;
}

export async function writeCoco(job: ExportJob): Promise<string[]> {
  const cats = job.classes.filter((c) => c.id !== job.ignoreIndex);
  const catOf = new Map(cats.map((c) => [c.id, c.id + 1]));
  const images: { id: number; file_name: string; width: number; height: number; frame_index: number }[] = [];
  const annotations: CocoAnnotation[] = [];
  if (job.options.frames) await mkdir(join(job.dir, 'images'), { recursive: true });
  for (const f of job.frames) {
    const l = await job.labels(f.stem);
    const imageId = images.length + 1;
    images.push({ id: imageId, file_name: `${f.stem}.png`, width: l.width, height: l.height, frame_index: f.videoFrame });
    const counts = new Map<number, number>();
    for (const v of l.data) counts.set(v, (counts.get(v) ?? 0) + 1);
    const mask = new Uint8Array(l.data.length);
    for (const [cls, area] of [...counts].sort((a, b) => a[0] - b[0])) {
      const cat = catOf.get(cls);
      if (cat === undefined) continue;
      for (let i = 0; i < mask.length; i++) mask[i] = l.data[i] === cls ? 1 : 0;
      annotations.push({ id: annotations.length + 1, image_id: imageId, category_id: cat, segmentation: encodeRle(mask, l.width, l.height), area, bbox: maskBbox(mask, l.width, l.height), iscrowd: job.options.iscrowd ?? 0 });
    }
    if (job.options.frames) {
      const fr = await job.options.frames(f.videoFrame);
      const rgb = new Uint8Array(fr.width * fr.height * 3);
      for (let i = 0, j = 0; j < rgb.length; i += 4, j += 3) rgb.set(fr.rgba.subarray(i, i + 3), j);
      await writeFile(join(job.dir, 'images', `${f.stem}.png`), encodeRgbPng(fr.width, fr.height, rgb));
    }
    job.tick();
  }
  const doc = {
    info: { description: 'VSS Studio export', date_created: new Date().toISOString() },
    images,
    categories: cats.map((c) => ({ id: c.id + 1, name: c.name, supercategory: c.name })),
    annotations,
  };
  await writeFile(join(job.dir, 'annotations.json'), JSON.stringify(doc));
  return ['annotations.json'];
}
