/**
 * Class names → Cityscapes label ids and colours (cityscapesScripts labels.py). Names are matched
 * case-insensitively after removing spaces, "-" and "_". CamVid's Bicyclist maps to rider (25):
 * the label covers the person on the bicycle, which Cityscapes calls rider (the bicycle itself
 * is a separate class there). Anything unmatched, and void, becomes 0 (unlabeled), whose trainId
 * is 255 (ignored in training), as are the Cityscapes ids this table does not list.
 */
import type { ClassInfo } from '../project/types.ts';
import { classPalette } from '../../core/palette.ts';

export const CITYSCAPES_IGNORE_TRAIN_ID = 255;

export interface CityscapesLabel {
  id: number;
  name: string;
  /** trainId of cityscapesScripts labels.py (the 19 training classes 0..18; 255 = ignored). */
  trainId: number;
  color: [number, number, number];
}

export const CITYSCAPES_LABELS: Record<string, CityscapesLabel> = {
  unlabeled: { id: 0, name: 'unlabeled', trainId: 255, color: [0, 0, 0] },
  road: { id: 7, name: 'road', trainId: 0, color: [128, 64, 128] },
  sidewalk: { id: 8, name: 'sidewalk', trainId: 1, color: [244, 35, 232] },
  building: { id: 11, name: 'building', trainId: 2, color: [70, 70, 70] },
  wall: { id: 12, name: 'wall', trainId: 3, color: [102, 102, 156] },
  fence: { id: 13, name: 'fence', trainId: 4, color: [190, 153, 153] },
  pole: { id: 17, name: 'pole', trainId: 5, color: [153, 153, 153] },
  trafficlight: { id: 19, name: 'traffic light', trainId: 6, color: [250, 170, 30] },
  trafficsign: { id: 20, name: 'traffic sign', trainId: 7, color: [220, 220, 0] },
  vegetation: { id: 21, name: 'vegetation', trainId: 8, color: [107, 142, 35] },
  terrain: { id: 22, name: 'terrain', trainId: 9, color: [152, 251, 152] },
  sky: { id: 23, name: 'sky', trainId: 10, color: [70, 130, 180] },
  person: { id: 24, name: 'person', trainId: 11, color: [220, 20, 60] },
  rider: { id: 25, name: 'rider', trainId: 12, color: [255, 0, 0] },
  car: { id: 26, name: 'car', trainId: 13, color: [0, 0, 142] },
  truck: { id: 27, name: 'truck', trainId: 14, color: [0, 0, 70] },
  bus: { id: 28, name: 'bus', trainId: 15, color: [0, 60, 100] },
  train: { id: 31, name: 'train', trainId: 16, color: [0, 80, 100] },
  motorcycle: { id: 32, name: 'motorcycle', trainId: 17, color: [0, 0, 230] },
  bicycle: { id: 33, name: 'bicycle', trainId: 18, color: [119, 11, 32] },
};

/** Our class names (normalised) that are called differently in Cityscapes. */
const ALIASES: Record<string, string> = {
  pavement: 'sidewalk',
  tree: 'vegetation',
  signsymbol: 'trafficsign',
  pedestrian: 'person',
  bicyclist: 'rider',
};

/** A class name for matching: lower case, without spaces, "-" and "_" ("Traffic_Sign" → "trafficsign"). */
export const normalizeClassName = (s: string): string => s.toLowerCase().replace(/[\s_-]+/g, '');
const norm = normalizeClassName;

export function cityscapesLabelFor(className: string): CityscapesLabel {
  const n = norm(className);
  return CITYSCAPES_LABELS[ALIASES[n] ?? n] ?? CITYSCAPES_LABELS.unlabeled!;
}

/** 256-entry table: our class id → Cityscapes label id (0 for unmatched and void). */
export function cityscapesIdTable(classes: readonly ClassInfo[], ignoreIndex: number): Uint8Array {
  const t = new Uint8Array(256);
  for (const c of classes) if (c.id !== ignoreIndex) t[c.id] = cityscapesLabelFor(c.name).id;
  return t;
}

/** 256-entry table: our class id → Cityscapes trainId (255 for unmatched and void). */
export function cityscapesTrainIdTable(classes: readonly ClassInfo[], ignoreIndex: number): Uint8Array {
  const t = new Uint8Array(256).fill(CITYSCAPES_IGNORE_TRAIN_ID);
  for (const c of classes) if (c.id !== ignoreIndex) t[c.id] = cityscapesLabelFor(c.name).trainId;
  return t;
}

/** RGB lookup by Cityscapes label id (768 bytes). */
export function cityscapesPalette(): Uint8ClampedArray {
  return classPalette(Object.values(CITYSCAPES_LABELS), { ignoreIndex: null });
}
