/**
 * SLIC superpixels (Achanta et al., 2012) of an RGBA frame: k-means on (L, a, b, x, y), see
 * kmeans.ts. Coarse to fine (S ≥ 8): the frame is shrunk (a box filter on the sRGB values) by 2,
 * or by 4 when S ≥ 32 (S is then 4 coarse pixels or more, 8 or more from S = 16), and converted
 * to Lab; the k-means passes run on those 1/4 or 1/16 of the pixels; then the full-resolution
 * step (refine.ts) converts the frame to Lab and places every boundary at full resolution. Pixels
 * far in colour from their centre are split off as outliers. Labels are not yet connected: see
 * connectivity.ts. Shrinking by 4 at S = 16 is faster still, but a centre needs a structure about
 * two coarse pixels wide to settle on: a 3-pixel pole then lost its superpixels (boundary recall
 * at 1 px from 0.998 to 0.94 on quality.test.ts's synthetic scene), so S = 16 keeps the factor 2.
 */
import { rgbaToLab, shrinkRgbaToLab, type LabImage } from './lab.ts';
import { kmeans, labelBound, outlierTiles, scaleCenters, splitOutliers } from './kmeans.ts';
import { refine } from './refine.ts';
import { scratch } from './scratch.ts';

export interface SlicOptions {
  /** Superpixel side in pixels (the seed grid's step S). */
  size: number;
  /** Colour against space: Lab units per S of distance; default 10 (the paper's choice). */
  compactness?: number;
  /** k-means passes (on the shrunk frame when coarse to fine); default 3. */
  iterations?: number;
  /**
   * Pixels farther than this ΔE from their centre's colour get a label of their own (split off
   * by connectivity if large enough): thin structures such as poles no centre settled on; default 25.
   */
  outlier?: number;
}

/** k-means passes by default: one over every centre's window, then two over the borders (kmeans.ts). */
const DEFAULT_ITERATIONS = 3;

/** A Lab image of width × height in scratch planes named `name`. */
function labScratch(name: string, width: number, height: number): LabImage {
  const n = width * height;
  return { width, height, l: scratch(`${name}.l`, n, Float32Array), a: scratch(`${name}.a`, n, Float32Array), b: scratch(`${name}.b`, n, Float32Array) };
}

/**
 * SLIC labels (centre indices, then outlier labels; not yet connected), their bound and the
 * frame in Lab. Labels and Lab are scratch buffers (see scratch.ts), valid until the next call.
 */
export function slicLabels(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number, opts: SlicOptions): { labels: Int32Array; count: number; lab: LabImage } {
  const size = Math.max(2, opts.size);
  const m = opts.compactness ?? 10;
  const iterations = Math.max(1, Math.round(opts.iterations ?? DEFAULT_ITERATIONS));
  const outlier = opts.outlier ?? 25;
  const labels = scratch('slic.labels', width * height, Int32Array);
  const lab = labScratch('lab', width, height);
  if (size >= 8 && width >= 16 && height >= 16) {
    const factor = size >= 32 && width >= 32 && height >= 32 ? 4 : 2;
    const small = labScratch('small', Math.ceil(width / factor), Math.ceil(height / factor));
    shrinkRgbaToLab(rgba, width, height, factor, small);
    const coarse = scratch('slic.coarse', small.width * small.height, Int32Array);
    const centers = kmeans(small, size / factor, m, iterations, coarse, scratch('slic.dist', coarse.length, Float32Array));
    scaleCenters(centers, factor);
    const o = outlierTiles(lab, centers, size, outlier);
    refine(rgba, lab, centers, size, m, { labels: coarse, width: small.width, height: small.height, factor }, o, labels);
    return { labels, count: labelBound(o, height), lab };
  }
  rgbaToLab(rgba, width, height, lab);
  const centers = kmeans(lab, size, m, iterations, labels, scratch('slic.dist', labels.length, Float32Array));
  const o = outlierTiles(lab, centers, size, outlier);
  splitOutliers(lab, centers, labels, o);
  return { labels, count: labelBound(o, height), lab };
}
