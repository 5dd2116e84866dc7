/**
 * SLIC superpixels (Achanta et al., 2012) of an RGBA frame: k-means on (L, a, b, x, y), see
 * kmeans.ts. Coarse to fine (S ≥ 8): the frame is halved (2 × 2 box filter on the sRGB values) and
 * converted to Lab, the k-means passes run on that quarter of the pixels, then the full-resolution
 * step (refine.ts) converts the frame to Lab and places every boundary at full resolution. Pixels
 * far in colour from their centre are split off as outliers. Labels are not yet connected: see
 * connectivity.ts.
 */
import { halfRgbaToLab, rgbaToLab, type LabImage } from './lab.ts';
import { kmeans, labelBound, outlierTiles, scaleCenters, splitOutliers } from './kmeans.ts';
import { refine } from './refine.ts';
import { scratch } from './scratch.ts';

export interface SlicOptions {
  /** Superpixel side in pixels (the seed grid's step S). */
  size: number;
  /** Colour against space: Lab units per S of distance; default 10 (the paper's choice). */
  compactness?: number;
  /** k-means passes (at half resolution when coarse to fine); default 2. */
  iterations?: number;
  /**
   * Pixels farther than this ΔE from their centre's colour get a label of their own (split off
   * by connectivity if large enough): thin structures such as poles no centre settled on; default 25.
   */
  outlier?: number;
}

/**
 * k-means passes by default. Measured on CamVid frames (docs/bench-results.md), a third pass
 * changes boundary recall by under 0.005 and the undersegmentation error by about 2%.
 */
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
    const half = labScratch('half', Math.ceil(width / 2), Math.ceil(height / 2));
    halfRgbaToLab(rgba, width, height, half);
    const coarse = scratch('slic.coarse', half.width * half.height, Int32Array);
    const centers = kmeans(half, size / 2, m, iterations, coarse, scratch('slic.dist', coarse.length, Float32Array));
    scaleCenters(centers, 2);
    const o = outlierTiles(lab, centers, size, outlier);
    refine(rgba, lab, centers, size, m, { labels: coarse, width: half.width, height: half.height }, o, labels);
    return { labels, count: labelBound(o, height), lab };
  }
  rgbaToLab(rgba, width, height, lab);
  const centers = kmeans(lab, size, m, iterations, labels, scratch('slic.dist', labels.length, Float32Array));
  const o = outlierTiles(lab, centers, size, outlier);
  splitOutliers(lab, centers, labels, o);
  return { labels, count: labelBound(o, height), lab };
}
