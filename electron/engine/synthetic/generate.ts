/**
 * Synthetic driving sequences with exact ground truth: RGBA frames, CamVid labels, the exact
 * optical flow from each frame to the next and to the previous one, and occlusion masks
 * (pixels of frame t whose surface point is not visible in the neighbouring frame: it leaves the
 * image, goes behind the camera, or is hidden by a nearer surface there). Deterministic per seed.
 *
 * `sceneCutAt` lists frames where the scene abruptly changes (new layout from a derived seed):
 * flow across a cut is undefined, so it is zero with every pixel marked occluded, and the frame
 * after the cut has `sceneCut: true`.
 */
import type { FlowField, GrayImage, LabelMap } from '../../core/types.ts';
import { toGray } from '../image/gray.ts';
import { makeLayout, type SceneLayout } from './scene.ts';
import { renderFrame, type RenderedFrame } from './render.ts';

export interface SyntheticOptions {
  /** Frame size. Default 320x192. */
  width: number;
  height: number;
  /** Number of frames. Default 30. */
  frames: number;
  /** Camera forward speed, metres per frame. Default 0.5 (about 54 km/h at 30 fps). */
  speed: number;
  /** Cars in the scene. Default 6. */
  cars: number;
  /** Layout seed. Default 1. */
  seed: number;
  /** Frames at which a new, unrelated scene starts. Default none. */
  sceneCutAt: number[];
}

export const SYNTHETIC_DEFAULTS: SyntheticOptions = {
  width: 320,
  height: 192,
  frames: 30,
  speed: 0.5,
  cars: 6,
  seed: 1,
  sceneCutAt: [],
};

export interface SyntheticFrame {
  index: number;
  rgba: Uint8Array;
  gray: GrayImage;
  labels: LabelMap;
  /** Exact flow t → t+1 (absent on the last frame). */
  flowToNext?: FlowField;
  /** Exact flow t → t-1 (absent on the first frame). */
  flowToPrev?: FlowField;
  /** 1 where the pixel of frame t is not visible in t+1 / t-1. */
  occludedInNext?: Uint8Array;
  occludedInPrev?: Uint8Array;
  /** True when a scene cut happened between t-1 and t. */
  sceneCut: boolean;
}

/** Relative depth tolerance of the visibility test. */
const DEPTH_TOL = 0.03;

function occlusion(flow: Float32Array, projDepth: Float32Array, other: Float32Array, w: number, h: number): Uint8Array {
  const occ = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const p = y * w + x;
      const dz = projDepth[p]!;
      const tx = Math.round(x + flow[2 * p]!);
      const ty = Math.round(y + flow[2 * p + 1]!);
      if (dz < 0 || tx < 0 || ty < 0 || tx >= w || ty >= h) {
        occ[p] = 1;
        continue;
      }
      const seen = other[ty * w + tx]!;
      if (dz === Infinity ? seen !== Infinity : seen < dz * (1 - DEPTH_TOL) - 0.05) occ[p] = 1;
    }
  }
  return occ;
}

export function generateSequence(options: Partial<SyntheticOptions> = {}): SyntheticFrame[] {
  const o: SyntheticOptions = { ...SYNTHETIC_DEFAULTS, ...options };
  const { width: w, height: h, frames } = o;
  if (!(w >= 8 && h >= 8 && frames >= 1)) throw new RangeError('generateSequence: need width, height >= 8 and frames >= 1');
  const cuts = [...new Set(o.sceneCutAt.filter((c) => c > 0 && c < frames))].sort((a, b) => a - b);
  const starts = [0, ...cuts];
  const layouts: SceneLayout[] = starts.map((start, k) =>
    makeLayout({ seed: k === 0 ? o.seed : (o.seed * 7919 + k * 104729) >>> 0, cars: o.cars, speed: o.speed, frames, startFrame: start }),
  );
  const layoutOf = (t: number): number => {
    let k = 0;
    while (k + 1 < starts.length && t >= starts[k + 1]!) k++;
    return k;
  };
  const rendered: RenderedFrame[] = [];
  for (let t = 0; t < frames; t++) rendered.push(renderFrame(layouts[layoutOf(t)]!, t, w, h, o.speed));

  const out: SyntheticFrame[] = [];
  for (let t = 0; t < frames; t++) {
    const r = rendered[t]!;
    const cutBefore = t > 0 && layoutOf(t) !== layoutOf(t - 1);
    const cutAfter = t < frames - 1 && layoutOf(t + 1) !== layoutOf(t);
    const frame: SyntheticFrame = {
      index: t,
      rgba: r.rgba,
      gray: toGray(r.rgba, w, h),
      labels: { width: w, height: h, data: r.labels },
      sceneCut: cutBefore,
    };
    if (t < frames - 1) {
      const flow = cutAfter ? new Float32Array(w * h * 2) : r.flowNext;
      frame.flowToNext = { width: w, height: h, data: flow };
      frame.occludedInNext = cutAfter ? new Uint8Array(w * h).fill(1) : occlusion(flow, r.depthNext, rendered[t + 1]!.depth, w, h);
    }
    if (t > 0) {
      const flow = cutBefore ? new Float32Array(w * h * 2) : r.flowPrev;
      frame.flowToPrev = { width: w, height: h, data: flow };
      frame.occludedInPrev = cutBefore ? new Uint8Array(w * h).fill(1) : occlusion(flow, r.depthPrev, rendered[t - 1]!.depth, w, h);
    }
    out.push(frame);
  }
  return out;
}
