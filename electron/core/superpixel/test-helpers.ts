/**
 * Superpixel quality on real frames (Node only: tests and the bench): CamVid train images with
 * their label maps from ../shared/data (or $VSS_DATA_DIR), at their own 480 × 360 or scaled to
 * 1920 × 1080 (image bilinear, as a camera would see it; labels nearest).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PNG } from 'pngjs';
import { decodeGray8 } from '../../engine/segment/png.ts';
import { computeSuperpixels } from './superpixels.ts';
import { superpixelQuality } from './quality.ts';

export const CAMVID_DIR = join(process.env.VSS_DATA_DIR ?? resolve(import.meta.dirname, '../../../../shared/data'), 'camvid');
/** CamVid's void label, left out of the measures. */
export const CAMVID_VOID = 11;
export const CAMVID_SKIP = existsSync(join(CAMVID_DIR, 'trainannot')) ? false : `CamVid not found at ${CAMVID_DIR} (set VSS_DATA_DIR); skipping the real-frame quality check`;

export interface LabelledFrame {
  stem: string;
  width: number;
  height: number;
  rgba: Uint8Array;
  truth: Uint8Array;
}

/** `count` CamVid train frames spread evenly over the split (all three sequences). */
export function camvidTrainFrames(count: number): LabelledFrame[] {
  const names = readdirSync(join(CAMVID_DIR, 'train')).filter((n) => n.endsWith('.png')).sort();
  const step = names.length / count;
  return Array.from({ length: count }, (_, i) => {
    const name = names[Math.floor(i * step)]!;
    const png = PNG.sync.read(readFileSync(join(CAMVID_DIR, 'train', name)));
    const truth = decodeGray8(readFileSync(join(CAMVID_DIR, 'trainannot', name)));
    return { stem: name.replace(/\.png$/, ''), width: png.width, height: png.height, rgba: new Uint8Array(png.data), truth: truth.data };
  });
}

/** The frame scaled to width × height: the image bilinear, the labels nearest. */
export function scaleFrame(f: LabelledFrame, width: number, height: number): LabelledFrame {
  const rgba = new Uint8Array(width * height * 4);
  const truth = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const sy = Math.min(f.height - 1, Math.max(0, ((y + 0.5) * f.height) / height - 0.5));
    const y0 = Math.floor(sy);
    const y1 = Math.min(f.height - 1, y0 + 1);
    const fy = sy - y0;
    for (let x = 0; x < width; x++) {
      const sx = Math.min(f.width - 1, Math.max(0, ((x + 0.5) * f.width) / width - 0.5));
      const x0 = Math.floor(sx);
      const x1 = Math.min(f.width - 1, x0 + 1);
      const fx = sx - x0;
      for (let c = 0; c < 4; c++) {
        const at = (xx: number, yy: number): number => f.rgba[(yy * f.width + xx) * 4 + c]!;
        const top = at(x0, y0) * (1 - fx) + at(x1, y0) * fx;
        const bottom = at(x0, y1) * (1 - fx) + at(x1, y1) * fx;
        rgba[(y * width + x) * 4 + c] = Math.round(top * (1 - fy) + bottom * fy);
      }
      const nx = Math.min(f.width - 1, Math.floor(((x + 0.5) * f.width) / width));
      const ny = Math.min(f.height - 1, Math.floor(((y + 0.5) * f.height) / height));
      truth[y * width + x] = f.truth[ny * f.width + nx]!;
    }
  }
  return { stem: f.stem, width, height, rgba, truth };
}

export interface QualitySummary {
  frames: number;
  /** Means over the frames. */
  boundaryRecall: number;
  undersegmentationError: number;
  superpixels: number;
}

/** Superpixels of each frame at `size`, measured against its labels (void left out). */
export function measureQuality(frames: LabelledFrame[], size: number, tolerance: number): QualitySummary {
  let br = 0;
  let ue = 0;
  let n = 0;
  for (const f of frames) {
    const sp = computeSuperpixels(f.rgba, f.width, f.height, { size });
    const q = superpixelQuality(sp.labels, sp.count, f.truth, f.width, f.height, { tolerance, ignore: CAMVID_VOID });
    br += q.boundaryRecall;
    ue += q.undersegmentationError;
    n += sp.count;
  }
  const k = Math.max(1, frames.length);
  return { frames: frames.length, boundaryRecall: br / k, undersegmentationError: ue / k, superpixels: n / k };
}
