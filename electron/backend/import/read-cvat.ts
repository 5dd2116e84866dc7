/**
 * CVAT "Segmentation mask 1.1" (as CVAT exports it, a folder or the ZIP itself): labelmap.txt
 * ("name:r,g,b:parts:actions" lines) and SegmentationClass/<frame>.png, each pixel the colour of
 * its class. "background" is void; a colour that labelmap.txt does not list is an error.
 */
import { VssError } from '../../core/errors.ts';
import type { LabelMap } from '../../core/types.ts';
import { naturalCompare } from '../video/natural-sort.ts';
import { decodeSourcePng } from './source-png.ts';
import { stemOfPath, type SourceFiles } from './source-files.ts';
import type { LabelSource, SourceClass } from './types.ts';

interface CvatLabel {
  name: string;
  color: [number, number, number];
}

export function parseLabelmap(text: string, where: string): CvatLabel[] {
  const out: CvatLabel[] = [];
  for (const [n, line] of text.split(/\r?\n/).entries()) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const [name, rgb] = line.split(':');
    const c = (rgb ?? '').split(',').map((v) => Number(v));
    if (!name || c.length !== 3 || c.some((v) => !Number.isInteger(v) || v < 0 || v > 255)) throw new VssError('CORRUPT', `${where} line ${n + 1} is not "name:r,g,b::"`);
    out.push({ name: name.trim(), color: [c[0]!, c[1]!, c[2]!] });
  }
  if (out.length === 0) throw new VssError('CORRUPT', `${where} lists no labels`);
  if (out.length > 255) throw new VssError('UNSUPPORTED', `${where} lists ${out.length} labels; at most 255 can be imported`);
  return out;
}

const key = (r: number, g: number, b: number): number => (r << 16) | (g << 8) | b;

function colourLoader(labels: readonly CvatLabel[], file: string, read: () => Promise<Buffer>): () => Promise<LabelMap> {
  const lookup = new Map(labels.map((l, i) => [key(...l.color), i]));
  return async () => {
    const { width, height, rgba } = decodeSourcePng(await read(), file);
    const data = new Uint8Array(width * height);
    for (let i = 0, j = 0; i < data.length; i++, j += 4) {
      const v = lookup.get(key(rgba[j]!, rgba[j + 1]!, rgba[j + 2]!));
      if (v === undefined) throw new VssError('BAD_REQUEST', `${file}: colour ${rgba[j]},${rgba[j + 1]},${rgba[j + 2]} at (${i % width}, ${Math.floor(i / width)}) is not in labelmap.txt`);
      data[i] = v;
    }
    return { width, height, data };
  };
}

export async function readCvatSource(src: SourceFiles): Promise<LabelSource> {
  const labelmap = src.files.filter((f) => f === 'labelmap.txt' || f.endsWith('/labelmap.txt')).sort((a, b) => a.length - b.length)[0];
  if (!labelmap) throw new VssError('NOT_FOUND', `${src.label} has no labelmap.txt (not a CVAT "Segmentation mask 1.1" export)`);
  const root = labelmap.slice(0, labelmap.length - 'labelmap.txt'.length);
  const labels = parseLabelmap((await src.read(labelmap)).toString('utf8'), labelmap);
  const masks = src.files.filter((f) => f.startsWith(`${root}SegmentationClass/`) && /\.png$/i.test(f)).sort(naturalCompare);
  if (masks.length === 0) throw new VssError('NOT_FOUND', `${src.label} has no SegmentationClass/*.png`);
  const classes: SourceClass[] = labels.map((l, i) => ({ value: i, name: l.name, ...(l.name.toLowerCase() === 'background' ? { void: true } : {}) }));
  const frames = masks.map((file) => ({ file, name: stemOfPath(file), index: null, load: colourLoader(labels, file, () => src.read(file)) }));
  return { classes, undeclared: 'error', frames, notes: [`classes and colours from ${labelmap}`] };
}
