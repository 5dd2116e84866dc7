/**
 * COCO JSON (instances or stuff): images, categories and annotations whose segmentation is a
 * compressed RLE (as `vss export --format coco` and pycocotools write), an uncompressed RLE
 * ({ counts: number[] }) or polygons. Every annotation of an image is painted in file order (a
 * later one wins where they overlap); pixels without an annotation are void. The image's
 * file_name (without folders and extension) is its frame name; `frame_index`, when present,
 * is its frame index. File names that are absolute or contain ".." are refused.
 */
import { VssError } from '../../core/errors.ts';
import type { LabelMap } from '../../core/types.ts';
import { decodeRle } from '../export/coco-rle.ts';
import { fillPolygon } from './coco-polygon.ts';
import { stemOfPath, type SourceFiles } from './source-files.ts';
import type { LabelSource, SourceClass, SourceFrame } from './types.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const posInt = (v: unknown, max: number): v is number => Number.isInteger(v) && (v as number) > 0 && (v as number) <= max;

interface CocoImage {
  id: unknown;
  file: string;
  width: number;
  height: number;
  index: number | null;
}

function checkFileName(v: unknown, i: number, where: string): string {
  if (typeof v !== 'string' || v === '') throw new VssError('CORRUPT', `${where}: images[${i}] has no file_name`);
  const p = v.replace(/\\/g, '/');
  if (p.startsWith('/') || /^[A-Za-z]:/.test(p) || p.split('/').includes('..')) throw new VssError('BAD_REQUEST', `${where}: images[${i}].file_name "${v}" is not a safe relative path`);
  return p;
}

function parseImages(raw: unknown, where: string): CocoImage[] {
  if (!Array.isArray(raw)) throw new VssError('CORRUPT', `${where} has no "images" list (not a COCO annotations file)`);
  return raw.map((im: unknown, i) => {
    if (!isObj(im) || !posInt(im.width, 16384) || !posInt(im.height, 16384)) throw new VssError('CORRUPT', `${where}: images[${i}] needs width and height (1..16384)`);
    const fi = im.frame_index;
    return { id: im.id, file: checkFileName(im.file_name, i, where), width: im.width, height: im.height, index: Number.isInteger(fi) && (fi as number) >= 0 ? (fi as number) : null };
  });
}

function parseCategories(raw: unknown, where: string): { classes: SourceClass[]; valueOf: Map<unknown, number> } {
  if (!Array.isArray(raw) || raw.length === 0) throw new VssError('CORRUPT', `${where} has no "categories"`);
  if (raw.length > 254) throw new VssError('UNSUPPORTED', `${where} has ${raw.length} categories; at most 254 can be imported`);
  const classes: SourceClass[] = [{ value: 0, name: '(no annotation)', void: true }];
  const valueOf = new Map<unknown, number>();
  raw.forEach((c: unknown, i) => {
    if (!isObj(c) || typeof c.name !== 'string' || c.id === undefined) throw new VssError('CORRUPT', `${where}: categories[${i}] needs an id and a name`);
    valueOf.set(c.id, i + 1);
    classes.push({ value: i + 1, name: c.name });
  });
  return { classes, valueOf };
}

/** Paints one annotation's segmentation into `mask` (0/1), checked against the image size. */
function paintSegmentation(seg: unknown, im: CocoImage, mask: Uint8Array, where: string): void {
  if (Array.isArray(seg)) {
    for (const poly of seg) {
      if (!Array.isArray(poly) || poly.some((v) => typeof v !== 'number' || !Number.isFinite(v))) throw new VssError('CORRUPT', `${where}: a polygon is not a list of numbers`);
      fillPolygon(mask, im.width, im.height, poly as number[]);
    }
    return;
  }
  if (!isObj(seg) || !Array.isArray(seg.size)) throw new VssError('CORRUPT', `${where}: segmentation is neither polygons nor RLE`);
  const [h, w] = seg.size as unknown[];
  if (h !== im.height || w !== im.width) throw new VssError('BAD_REQUEST', `${where}: RLE size ${String(w)}x${String(h)} differs from the image's ${im.width}x${im.height}`);
  let rle: Uint8Array;
  try {
    if (typeof seg.counts === 'string') rle = decodeRle({ size: [h, w], counts: seg.counts });
    else if (Array.isArray(seg.counts) && seg.counts.every((c) => Number.isInteger(c) && (c as number) >= 0)) rle = decodeCounts(seg.counts as number[], w, h);
    else throw new RangeError('counts is neither a string nor a list of counts');
  } catch (e) {
    throw new VssError('CORRUPT', `${where}: bad RLE (${e instanceof Error ? e.message : String(e)})`);
  }
  for (let i = 0; i < mask.length; i++) if (rle[i]) mask[i] = 1;
}

/** Uncompressed RLE (column-major runs, starting with 0s) to a row-major mask. */
function decodeCounts(counts: readonly number[], w: number, h: number): Uint8Array {
  const out = new Uint8Array(w * h);
  let pos = 0;
  counts.forEach((n, k) => {
    if (pos + n > w * h) throw new RangeError('counts exceed the mask size');
    if (k % 2) for (let i = pos; i < pos + n; i++) out[(i % h) * w + Math.floor(i / h)] = 1;
    pos += n;
  });
  return out;
}

function imageLoader(im: CocoImage, anns: readonly Obj[], valueOf: Map<unknown, number>, where: string): () => Promise<LabelMap> {
  return async () => {
    const data = new Uint8Array(im.width * im.height);
    const mask = new Uint8Array(data.length);
    for (const a of anns) {
      const v = valueOf.get(a.category_id);
      const at = `${where} annotation ${String(a.id)}`;
      if (v === undefined) throw new VssError('BAD_REQUEST', `${at}: category_id ${String(a.category_id)} is not in "categories"`);
      mask.fill(0);
      paintSegmentation(a.segmentation, im, mask, at);
      for (let i = 0; i < data.length; i++) if (mask[i]) data[i] = v;
    }
    return { width: im.width, height: im.height, data };
  };
}

function annotationFile(src: SourceFiles): string {
  const jsons = src.files.filter((f) => /\.json$/i.test(f));
  const pick = jsons.length === 1 ? jsons[0] : jsons.find((f) => /(^|\/)annotations\.json$/i.test(f));
  if (!pick) throw new VssError('NOT_FOUND', jsons.length === 0 ? `${src.label} has no COCO .json file` : `${src.label} holds several .json files (${jsons.slice(0, 3).join(', ')}…): give --from the one to import`);
  return pick;
}

export async function readCocoSource(src: SourceFiles): Promise<LabelSource> {
  const file = annotationFile(src);
  let doc: unknown;
  try {
    doc = JSON.parse((await src.read(file)).toString('utf8'));
  } catch {
    throw new VssError('CORRUPT', `${file} is not valid JSON`);
  }
  if (!isObj(doc)) throw new VssError('CORRUPT', `${file} is not a COCO document`);
  const images = parseImages(doc.images, file);
  const { classes, valueOf } = parseCategories(doc.categories, file);
  if (!Array.isArray(doc.annotations)) throw new VssError('CORRUPT', `${file} has no "annotations" list`);
  const perImage = new Map<unknown, Obj[]>(images.map((im) => [im.id, []]));
  for (const a of doc.annotations as unknown[]) {
    if (!isObj(a)) throw new VssError('CORRUPT', `${file}: an annotation is not an object`);
    const list = perImage.get(a.image_id);
    if (!list) throw new VssError('BAD_REQUEST', `${file}: annotation ${String(a.id)} names image_id ${String(a.image_id)}, which is not in "images"`);
    list.push(a);
  }
  const frames: SourceFrame[] = images.map((im) => ({ file: im.file, name: stemOfPath(im.file), index: im.index, load: imageLoader(im, perImage.get(im.id)!, valueOf, `${file} image "${im.file}"`) }));
  return { classes, undeclared: 'error', frames, notes: [`annotations from ${file}`] };
}
