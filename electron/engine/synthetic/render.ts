/**
 * Renders one frame of a synthetic scene (scene.ts) by inverse mapping: every pixel's viewing
 * ray is intersected with the ground plane, the facade planes and the sprites (z-buffered), the
 * nearest surface gives the class label and a procedural texture value, and projecting the same
 * world point (moved by its object's velocity) with the camera of the neighbouring frames gives
 * the exact optical flow to frame t+1 and to frame t-1, and the depth the point has there.
 */
import { cameraAt, CAMERA_HEIGHT, type SceneLayout } from './scene.ts';
import { fbm, softBand } from './noise.ts';
import { CAMVID } from './scene.ts';

export interface Intrinsics {
  focal: number;
  cx: number;
  cy: number;
}

export function intrinsicsFor(width: number, height: number): Intrinsics {
  return { focal: 0.9 * width, cx: (width - 1) / 2, cy: 0.42 * height };
}

export interface RenderedFrame {
  rgba: Uint8Array;
  labels: Uint8Array;
  depth: Float32Array;
  /** Interleaved flow to t+1 / t-1 and the depth of each point in that frame (Infinity for sky). */
  flowNext: Float32Array;
  flowPrev: Float32Array;
  depthNext: Float32Array;
  depthPrev: Float32Array;
}

const SKY = -1;
const GROUND = -2;

/** Cyclic distance helper: position within a period, centred: t in [-period/2, period/2). */
function wrap(v: number, period: number): number {
  const m = v - Math.floor(v / period) * period;
  return m - period / 2;
}

/** The camera of frame t and its intrinsics. */
interface View {
  f: number;
  cx: number;
  cy: number;
  h: number;
  cam: { x: number; z: number };
  width: number;
  height: number;
}

/** Per pixel: the nearest surface (SKY, GROUND, facade index, or facade count + sprite index), its depth and world point. */
interface Surfaces {
  surf: Int32Array;
  depth: Float32Array;
  wx: Float32Array;
  wy: Float32Array;
  wz: Float32Array;
}

/** Index of the facade block (from `list`, sorted by z0) that spans depth z, or -1. */
function findBlock(facades: SceneLayout['facades'], list: number[], z: number): number {
  let lo = 0, hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const b = facades[list[mid]!]!;
    if (z < b.z0) hi = mid - 1;
    else if (z >= b.z1) lo = mid + 1;
    else return list[mid]!;
  }
  return -1;
}

/** Background: every pixel's ray against the ground plane and the facades. */
function traceBackground(layout: SceneLayout, v: View): Surfaces {
  const { f, cx, cy, h, cam, width, height } = v;
  const n = width * height;
  const out: Surfaces = { surf: new Int32Array(n).fill(SKY), depth: new Float32Array(n).fill(Infinity), wx: new Float32Array(n), wy: new Float32Array(n), wz: new Float32Array(n) };
  const facades = layout.facades;
  // Facade indices per side, sorted by z0 (layouts emit them in order), for a binary search.
  const left: number[] = [];
  const right: number[] = [];
  facades.forEach((b, i) => (b.side < 0 ? left : right).push(i));
  for (let y = 0; y < height; y++) {
    const dg = y > cy ? (h * f) / (y - cy) : Infinity;
    for (let x = 0; x < width; x++) {
      const p = y * width + x;
      const den = x - cx;
      let best = dg;
      let s = Number.isFinite(dg) ? GROUND : SKY;
      if (den !== 0) {
        const side = den < 0 ? -1 : 1;
        const df = ((side * layout.facadeX - cam.x) * f) / den;
        if (df > 0 && df < best) {
          const zw = cam.z + df;
          const yw = h - ((y - cy) * df) / f;
          const bi = findBlock(facades, side < 0 ? left : right, zw);
          if (bi >= 0 && yw >= 0 && yw <= facades[bi]!.height) {
            best = df;
            s = bi;
          }
        }
      }
      out.surf[p] = s;
      out.depth[p] = best;
      if (s !== SKY) {
        out.wx[p] = cam.x + (den * best) / f;
        out.wy[p] = h - ((y - cy) * best) / f;
        out.wz[p] = cam.z + best;
      }
    }
  }
  return out;
}

/** Sprites, z-buffered over their screen bounding box. */
function traceSprites(layout: SceneLayout, v: View, t: number, out: Surfaces): void {
  const { f, cx, cy, h, cam, width, height } = v;
  const nf = layout.facades.length;
  layout.sprites.forEach((sp, si) => {
    const d = sp.z + sp.vz * t - cam.z;
    if (d < 1) return;
    const ox = sp.vx * t;
    const xa = Math.max(0, Math.ceil(cx + (f * (sp.x0 + ox - cam.x)) / d));
    const xb = Math.min(width - 1, Math.floor(cx + (f * (sp.x1 + ox - cam.x)) / d));
    const ya = Math.max(0, Math.ceil(cy - (f * (sp.y1 - h)) / d));
    const yb = Math.min(height - 1, Math.floor(cy - (f * (sp.y0 - h)) / d));
    const mx = (sp.x0 + sp.x1) / 2 + ox, my = (sp.y0 + sp.y1) / 2;
    const rx = (sp.x1 - sp.x0) / 2, ry = (sp.y1 - sp.y0) / 2;
    for (let y = ya; y <= yb; y++) {
      const yw = h - ((y - cy) * d) / f;
      for (let x = xa; x <= xb; x++) {
        const p = y * width + x;
        if (d >= out.depth[p]!) continue;
        const xw = cam.x + ((x - cx) * d) / f;
        if (sp.ellipse) {
          const ex = (xw - mx) / rx, ey = (yw - my) / ry;
          if (ex * ex + ey * ey > 1) continue;
        }
        out.surf[p] = nf + si;
        out.depth[p] = d;
        out.wx[p] = xw;
        out.wy[p] = yw;
        out.wz[p] = cam.z + d;
      }
    }
  });
}

/** Colour of a shaded pixel, before clamping (written by the shade functions). */
const rgb = new Float64Array(3);

function setRgb(r: number, g: number, b: number): void {
  rgb[0] = r;
  rgb[1] = g;
  rgb[2] = b;
}

function shadeSky(v: View, seed: number, x: number, y: number): number {
  const ax = (x - v.cx) / v.f, ay = (v.cy - y) / v.f;
  const c = fbm(ax * 40, ay * 40, seed ^ 0x51, 3, 4, 40 / v.f);
  const k = Math.min(1, Math.max(0, ay * 2.5));
  setRgb(150 - 70 * k + 120 * c, 190 - 50 * k + 120 * c, 235 - 10 * k + 60 * c);
  return CAMVID.Sky;
}

/** Road (with lane markings) or pavement (tiled), at world point (X, Z) seen from depth d. */
function shadeGround(layout: SceneLayout, v: View, d: number, X: number, Z: number): number {
  const { f } = v;
  const fp = Math.max(d / f, (d * d) / (f * v.h));
  const n1 = fbm(X, Z, layout.seed ^ 0x77, 2, 5, fp);
  if (Math.abs(X) < layout.roadHalf) {
    let g = 95 + 90 * n1;
    const dash = softBand(wrap(Z, 8), 1.6, fp);
    const mark = Math.max(
      softBand(X, 0.08, d / f) * dash,
      softBand(Math.abs(X) - 3, 0.07, d / f) * dash,
      softBand(Math.abs(X) - (layout.roadHalf - 0.25), 0.08, d / f),
    );
    g = g + (225 - g) * mark;
    setRgb(g, g, g + 5);
    return CAMVID.Road;
  }
  const period = 0.8;
  const tile = period > 4 * fp ? Math.min(softBand(wrap(X, period), period / 2 - 0.04, fp), softBand(wrap(Z, period), period / 2 - 0.04, fp)) : 0.9;
  const g = 110 + 60 * tile + 70 * n1;
  setRgb(g + 10, g, g - 10);
  return CAMVID.Pavement;
}

/** A facade block: building (with windows) or fence (slats). */
function shadeFacade(layout: SceneLayout, v: View, s: number, d: number, Y: number, Z: number): number {
  const { f } = v;
  const blk = layout.facades[s]!;
  const fp = Math.max(d / f, (d * d) / (f * Math.abs(blk.side * layout.facadeX - v.cam.x)));
  let k = 0.8 + 0.7 * fbm(Z, Y, blk.seed, 3, 5, fp);
  if (blk.cls === CAMVID.Building) {
    const pz = 3.2, py = 3;
    const win = pz > 4 * fp && Y > 1.5
      ? softBand(wrap(Z, pz), 0.75, fp) * softBand(wrap(Y, py), 0.7, fp)
      : Y > 1.5 ? 0.2 : 0;
    k *= 1 - 0.65 * win;
  } else {
    const slat = 0.3 > 4 * fp ? softBand(wrap(Z, 0.3), 0.1, fp) : 0.66;
    k *= 0.6 + 0.5 * slat;
  }
  setRgb(blk.rgb[0] * k, blk.rgb[1] * k, blk.rgb[2] * k);
  return blk.cls;
}

/** A sprite (cars get windows and lamps), at world point (X, Y) in frame t. */
function shadeSprite(sp: SceneLayout['sprites'][number], f: number, t: number, d: number, X: number, Y: number): number {
  const lx = X - sp.vx * t - sp.x0;
  let k = 0.75 + 0.8 * fbm(lx, Y, sp.seed, 0.7, 4, d / f);
  if (sp.cls === CAMVID.Car) {
    const win = softBand(Y - (sp.y1 - 0.3), 0.2, d / f) * softBand(lx - (sp.x1 - sp.x0) / 2, (sp.x1 - sp.x0) / 2 - 0.15, d / f);
    const lamp = softBand(Y - 0.75, 0.1, d / f) * (softBand(lx - 0.3, 0.15, d / f) + softBand(lx - (sp.x1 - sp.x0) + 0.3, 0.15, d / f));
    k = k * (1 - 0.7 * win) + 1.2 * lamp;
  }
  setRgb(sp.rgb[0] * k, sp.rgb[1] * k, sp.rgb[2] * k);
  return sp.cls;
}

export function renderFrame(layout: SceneLayout, t: number, width: number, height: number, speed: number): RenderedFrame {
  const { focal: f, cx, cy } = intrinsicsFor(width, height);
  const h = CAMERA_HEIGHT;
  const view: View = { f, cx, cy, h, cam: cameraAt(t, speed), width, height };
  const surfaces = traceBackground(layout, view);
  traceSprites(layout, view, t, surfaces);
  const { surf, depth, wx, wy, wz } = surfaces;
  const n = width * height;
  const rgba = new Uint8Array(n * 4);
  const labels = new Uint8Array(n);
  const flowNext = new Float32Array(n * 2);
  const flowPrev = new Float32Array(n * 2);
  const depthNext = new Float32Array(n);
  const depthPrev = new Float32Array(n);
  const camN = cameraAt(t + 1, speed);
  const camP = cameraAt(t - 1, speed);
  const nf = layout.facades.length;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const p = y * width + x;
      const s = surf[p]!;
      const d = depth[p]!;
      const X = wx[p]!, Y = wy[p]!, Z = wz[p]!;
      const sprite = s >= nf ? layout.sprites[s - nf] : undefined;
      labels[p] = s === SKY ? shadeSky(view, layout.seed, x, y)
        : s === GROUND ? shadeGround(layout, view, d, X, Z)
        : sprite ? shadeSprite(sprite, f, t, d, X, Y)
        : shadeFacade(layout, view, s, d, Y, Z);
      const q = p * 4;
      const r = rgb[0]!, g = rgb[1]!, b = rgb[2]!;
      rgba[q] = r < 0 ? 0 : r > 255 ? 255 : r;
      rgba[q + 1] = g < 0 ? 0 : g > 255 ? 255 : g;
      rgba[q + 2] = b < 0 ? 0 : b > 255 ? 255 : b;
      rgba[q + 3] = 255;
      if (s === SKY) {
        depthNext[p] = Infinity;
        depthPrev[p] = Infinity;
        continue;
      }
      // Exact flow: project the (moving) world point with the neighbouring cameras.
      const vx = sprite?.vx ?? 0, vz = sprite?.vz ?? 0;
      const dn = Z + vz - camN.z;
      flowNext[2 * p] = cx + (f * (X + vx - camN.x)) / dn - x;
      flowNext[2 * p + 1] = cy - (f * (Y - h)) / dn - y;
      depthNext[p] = dn > 0.05 ? dn : -1;
      const dp = Z - vz - camP.z;
      flowPrev[2 * p] = cx + (f * (X - vx - camP.x)) / dp - x;
      flowPrev[2 * p + 1] = cy - (f * (Y - h)) / dp - y;
      depthPrev[p] = dp > 0.05 ? dp : -1;
    }
  }
  return { rgba, labels, depth, flowNext, flowPrev, depthNext, depthPrev };
}
