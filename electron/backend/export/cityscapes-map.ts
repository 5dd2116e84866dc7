/**
 * Class names → Cityscapes label ids and colours (cityscapesScripts labels.py). Names are matched
 * case-insensitively after removing spaces, "-" and "_". CamVid's Bicyclist maps to rider (25):
 * the label covers the person on the bicycle, which Cityscapes calls rider (the bicycle itself
 * is a separate class there). Anything unmatched, and void, becomes 0 (unlabeled).
 */
import type { ClassInfo } from '../project/types.ts';
import { classPalette } from '../../core/palette.ts';

export interface CityscapesLabel {
  id: number;
  name: string;
  color: [number, number, number];
}

export const CITYSCAPES_LABELS: Record<string, CityscapesLabel> = {
  unlabeled: { id: 0, name: 'unlabeled', color: [0, 0, 0] },
  road: { id: 7, name: 'road', color: [128, 64, 128] },
  sidewalk: { id: 8, name: 'sidewalk', color: [244, 35, 232] },
  building: { id: 11, name: 'building', color: [70, 70, 70] },
  wall: { id: 12, name: 'wall', color: [102, 102, 156] },
  fence: { id: 13, name: 'fence', color: [190, 153, 153] },
  pole: { id: 17, name: 'pole', color: [153, 153, 153] },
  trafficlight: { id: 19, name: 'traffic light', color: [250, 170, 30] },
  trafficsign: { id: 20, name: 'traffic sign', color: [220, 220, 0] },
  vegetation: { id: 21, name: 'vegetation', color: [107, 142, 35] },
  terrain: { id: 22, name: 'terrain', color: [152, 251, 152] },
  sky: { id: 23, name: 'sky', color: [70, 130, 180] },
  person: { id: 24, name: 'person', color: [220, 20, 60] },
  rider: { id: 25, name: 'rider', color: [255, 0, 0] },
  car: { id: 26, name: 'car', color: [0, 0, 142] },
  truck: { id: 27, name: 'truck', color: [0, 0, 70] },
  bus: { id: 28, name: 'bus', color: [0, 60, 100] },
  train: { id: 31, name: 'train', color: [0, 80, 100] },
  motorcycle: { id: 32, name: 'motorcycle', color: [0, 0, 230] },
  bicycle: { id: 33, name: 'bicycle', color: [119, 11, 32] },
};

/** Our class names (normalised) that are called differently in Cityscapes. */
const ALIASES: Record<string, string> = {
  pavement: 'sidewalk',
  tree: 'vegetation',
  signsymbol: 'trafficsign',
  pedestrian: 'person',
  bicyclist: 'rider',
};

const norm = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, '');

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

/** RGB lookup by Cityscapes label id (768 bytes). */
export function cityscapesPalette(): Uint8ClampedArray {
  return classPalette(Object.values(CITYSCAPES_LABELS), { ignoreIndex: null });
}
