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

export function renderFrame(layout: SceneLayout, t: number, width: number, height: number, speed: number): RenderedFrame {
  const { focal: f, cx, cy } = intrinsicsFor(width, height);
  const h = CAMERA_HEIGHT;
  const cam = cameraAt(t, speed);
  const n = width * height;
  const surf = new Int32Array(n).fill(SKY);
  const depth = new Float32Array(n).fill(Infinity);
  const wx = new Float32Array(n);
  const wy = new Float32Array(n);
  const wz = new Float32Array(n);
  const facades = layout.facades;
  // Facade indices per side, sorted by z0 (layouts emit them in order), for a binary search.
  const left: number[] = [];
  const right: number[] = [];
  facades.forEach((b, i) => (b.side < 0 ? left : right).push(i));
  const findBlock = (list: number[], z: number): number => {
    let lo = 0, hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const b = facades[list[mid]!]!;
      if (z < b.z0) hi = mid - 1;
      else if (z >= b.z1) lo = mid + 1;
      else return list[mid]!;
    }
    return -1;
  };
  // Background: ground plane and facades.
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
          const bi = findBlock(side < 0 ? left : right, zw);
          if (bi >= 0 && yw >= 0 && yw <= facades[bi]!.height) {
            best = df;
            s = bi;
          }
        }
      }
      surf[p] = s;
      depth[p] = best;
      if (s !== SKY) {
        wx[p] = cam.x + (den * best) / f;
        wy[p] = h - ((y - cy) * best) / f;
        wz[p] = cam.z + best;
      }
    }
  }
  // Sprites, z-buffered over their screen bounding box.
  const nf = facades.length;
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
        if (d >= depth[p]!) continue;
        const xw = cam.x + ((x - cx) * d) / f;
        if (sp.ellipse) {
          const ex = (xw - mx) / rx, ey = (yw - my) / ry;
          if (ex * ex + ey * ey > 1) continue;
        }
        surf[p] = nf + si;
        depth[p] = d;
        wx[p] = xw;
        wy[p] = yw;
        wz[p] = cam.z + d;
      }
    }
  });

  const rgba = new Uint8Array(n * 4);
  const labels = new Uint8Array(n);
  const flowNext = new Float32Array(n * 2);
  const flowPrev = new Float32Array(n * 2);
  const depthNext = new Float32Array(n);
  const depthPrev = new Float32Array(n);
  const camN = cameraAt(t + 1, speed);
  const camP = cameraAt(t - 1, speed);
  const seed = layout.seed;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const p = y * width + x;
      const s = surf[p]!;
      const d = depth[p]!;
      let r: number, g: number, b: number, cls: number;
      let vx = 0, vz = 0;
      const X = wx[p]!, Y = wy[p]!, Z = wz[p]!;
      if (s === SKY) {
        const ax = (x - cx) / f, ay = (cy - y) / f;
        const c = fbm(ax * 40, ay * 40, seed ^ 0x51, 3, 4, 40 / f);
        const k = Math.min(1, Math.max(0, ay * 2.5));
        r = 150 - 70 * k + 120 * c;
        g = 190 - 50 * k + 120 * c;
        b = 235 - 10 * k + 60 * c;
        cls = CAMVID.Sky;
      } else if (s === GROUND) {
        const fp = Math.max(d / f, (d * d) / (f * h));
        const n1 = fbm(X, Z, seed ^ 0x77, 2, 5, fp);
        if (Math.abs(X) < layout.roadHalf) {
          let v = 95 + 90 * n1;
          const dash = softBand(wrap(Z, 8), 1.6, fp);
          const mark = Math.max(
            softBand(X, 0.08, d / f) * dash,
            softBand(Math.abs(X) - 3, 0.07, d / f) * dash,
            softBand(Math.abs(X) - (layout.roadHalf - 0.25), 0.08, d / f),
          );
          v = v + (225 - v) * mark;
          r = v; g = v; b = v + 5;
          cls = CAMVID.Road;
        } else {
          const period = 0.8;
          const tile = period > 4 * fp ? Math.min(softBand(wrap(X, period), period / 2 - 0.04, fp), softBand(wrap(Z, period), period / 2 - 0.04, fp)) : 0.9;
          const v = 110 + 60 * tile + 70 * n1;
          r = v + 10; g = v; b = v - 10;
          cls = CAMVID.Pavement;
        }
      } else if (s < nf) {
        const blk = layout.facades[s]!;
        const fp = Math.max(d / f, (d * d) / (f * Math.abs(blk.side * layout.facadeX - cam.x)));
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
        r = blk.rgb[0] * k; g = blk.rgb[1] * k; b = blk.rgb[2] * k;
        cls = blk.cls;
      } else {
        const sp = layout.sprites[s - nf]!;
        vx = sp.vx;
        vz = sp.vz;
        const lx = X - sp.vx * t - sp.x0;
        let k = 0.75 + 0.8 * fbm(lx, Y, sp.seed, 0.7, 4, d / f);
        if (sp.cls === CAMVID.Car) {
          const win = softBand(Y - (sp.y1 - 0.3), 0.2, d / f) * softBand(lx - (sp.x1 - sp.x0) / 2, (sp.x1 - sp.x0) / 2 - 0.15, d / f);
          const lamp = softBand(Y - 0.75, 0.1, d / f) * (softBand(lx - 0.3, 0.15, d / f) + softBand(lx - (sp.x1 - sp.x0) + 0.3, 0.15, d / f));
          k = k * (1 - 0.7 * win) + 1.2 * lamp;
        }
        r = sp.rgb[0] * k; g = sp.rgb[1] * k; b = sp.rgb[2] * k;
        cls = sp.cls;
      }
      const q = p * 4;
      rgba[q] = r < 0 ? 0 : r > 255 ? 255 : r;
      rgba[q + 1] = g < 0 ? 0 : g > 255 ? 255 : g;
      rgba[q + 2] = b < 0 ? 0 : b > 255 ? 255 : b;
      rgba[q + 3] = 255;
      labels[p] = cls;
      if (s === SKY) {
        depthNext[p] = Infinity;
        depthPrev[p] = Infinity;
        continue;
      }
      // Exact flow: project the (moving) world point with the neighbouring cameras.
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
