// Shared helpers of the shipped bundles' tests (parity.test.ts for camvid-lite, camvid-edge.test.ts):
// manifests, ORT sessions, float fixtures, a reference preprocessing and the val_a accuracy check.
// Self-contained on purpose: no imports from electron/ (the bundles are checked on their own).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as ort from 'onnxruntime-node';
import { PNG } from 'pngjs';

export const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO = path.resolve(HERE, '..');
export const DATA_DIR = path.resolve(REPO, process.env.VSS_DATA_DIR ?? '../shared/data');

export const EXPECTED_CLASSES: Array<[string, [number, number, number]]> = [
  ['Sky', [128, 128, 128]], ['Building', [128, 0, 0]], ['Pole', [192, 192, 128]], ['Road', [128, 64, 128]],
  ['Pavement', [60, 40, 222]], ['Tree', [128, 128, 0]], ['SignSymbol', [192, 128, 128]], ['Fence', [64, 64, 128]],
  ['Car', [64, 0, 128]], ['Pedestrian', [64, 64, 0]], ['Bicyclist', [0, 128, 192]],
];

export type StageName = 'low' | 'high' | 'head';
export interface StageSpec { graph: string; inputs: Record<string, string>; output: string; stride: number; channels: number }
export interface InputSpec {
  name: string; layout: string; colorOrder: string; scale: number;
  mean: number[]; std: number[]; width: number; height: number;
}
export interface Manifest {
  name: string; graph?: string; stages?: Record<StageName, StageSpec>;
  classes: Array<{ id: number; name: string; color: number[] }>;
  ignoreIndex: number; input: InputSpec;
  output: { name?: string; layout: string; kind: string; stride?: number };
}

export const readJson = <T>(p: string): T => JSON.parse(fs.readFileSync(p, 'utf8')) as T;

const sessions = new Map<string, Promise<ort.InferenceSession>>();
export function session(file: string): Promise<ort.InferenceSession> {
  let s = sessions.get(file);
  if (!s) {
    s = ort.InferenceSession.create(file, {
      intraOpNumThreads: 2, interOpNumThreads: 1, extra: { session: { intra_op: { allow_spinning: '0' } } },
    });
    sessions.set(file, s);
  }
  return s;
}

export function readF32(file: string): Float32Array {
  const buf = fs.readFileSync(file);
  const out = new Float32Array(buf.byteLength / 4);
  new Uint8Array(out.buffer).set(buf);
  return out;
}

/** Max |got - want| over the tensor, checked against `tol`; `stride` compares every stride-th value. */
export function compare(name: string, got: ort.Tensor, want: Float32Array, shape: number[], tol = 1e-4, stride = 1) {
  assert.deepEqual(Array.from(got.dims), shape, `${name}: shape`);
  const g = got.data as Float32Array;
  assert.equal(Math.ceil(g.length / stride), want.length, `${name}: size`);
  let maxAbs = 0;
  for (let i = 0, j = 0; i < g.length; i += stride, j++) maxAbs = Math.max(maxAbs, Math.abs(g[i]! - want[j]!));
  assert.ok(maxAbs <= tol, `${name}: max abs diff ${maxAbs} > ${tol}`);
  return maxAbs;
}

export function argmaxAgreement(a: Float32Array, b: Float32Array, shape: number[]): number {
  const [, c, h, w] = shape as [number, number, number, number];
  const hw = h * w;
  let agree = 0;
  for (let p = 0; p < hw; p++) {
    let ia = 0, ib = 0;
    for (let k = 1; k < c; k++) {
      if (a[k * hw + p]! > a[ia * hw + p]!) ia = k;
      if (b[k * hw + p]! > b[ib * hw + p]!) ib = k;
    }
    if (ia === ib) agree++;
  }
  return agree / hw;
}

/** Bilinear resize of a planar CHW float image, half-pixel centres (align_corners=false). */
export function resizeBilinearCHW(src: Float32Array, c: number, sh: number, sw: number, dh: number, dw: number): Float32Array {
  const dst = new Float32Array(c * dh * dw);
  const sy = sh / dh, sx = sw / dw;
  for (let y = 0; y < dh; y++) {
    let fy = (y + 0.5) * sy - 0.5; if (fy < 0) fy = 0;
    const y0 = Math.min(Math.floor(fy), sh - 1), y1 = Math.min(y0 + 1, sh - 1), wy = fy - y0;
    for (let x = 0; x < dw; x++) {
      let fx = (x + 0.5) * sx - 0.5; if (fx < 0) fx = 0;
      const x0 = Math.min(Math.floor(fx), sw - 1), x1 = Math.min(x0 + 1, sw - 1), wx = fx - x0;
      for (let k = 0; k < c; k++) {
        const o = k * sh * sw;
        const top = src[o + y0 * sw + x0]! * (1 - wx) + src[o + y0 * sw + x1]! * wx;
        const bot = src[o + y1 * sw + x0]! * (1 - wx) + src[o + y1 * sw + x1]! * wx;
        dst[k * dh * dw + y * dw + x] = top * (1 - wy) + bot * wy;
      }
    }
  }
  return dst;
}

/** RGBA (HWC uint8) frame -> normalised NCHW tensor at the model input size. */
export function preprocess(rgba: Uint8Array | Buffer, h: number, w: number, spec: InputSpec): ort.Tensor {
  const planar = new Float32Array(3 * h * w);
  for (let i = 0; i < h * w; i++) for (let k = 0; k < 3; k++) planar[k * h * w + i] = rgba[i * 4 + k]!;
  const r = resizeBilinearCHW(planar, 3, h, w, spec.height, spec.width);
  const n = spec.height * spec.width;
  for (let k = 0; k < 3; k++) for (let i = 0; i < n; i++) r[k * n + i] = (r[k * n + i]! * spec.scale - spec.mean[k]!) / spec.std[k]!;
  return new ort.Tensor('float32', r, [1, 3, spec.height, spec.width]);
}

export function argmaxUpsampled(logits: ort.Tensor, outH: number, outW: number): Uint8Array {
  const [, c, h, w] = logits.dims as [number, number, number, number];
  const up = resizeBilinearCHW(logits.data as Float32Array, c, h, w, outH, outW);
  const n = outH * outW;
  const pred = new Uint8Array(n);
  for (let p = 0; p < n; p++) {
    let best = 0;
    for (let k = 1; k < c; k++) if (up[k * n + p]! > up[best * n + p]!) best = k;
    pred[p] = best;
  }
  return pred;
}

/** A split bundle's chain in ONNX Runtime, feeding each stage from model.json's `inputs`. */
export async function runSplit(dir: string, m: Manifest, image: ort.Tensor) {
  const st = m.stages!;
  const env: Record<string, ort.Tensor> = { image };
  for (const k of ['low', 'high', 'head'] as const) {
    const feeds: Record<string, ort.Tensor> = {};
    for (const [input, source] of Object.entries(st[k].inputs)) feeds[input] = env[source]!;
    env[k] = (await (await session(path.join(dir, st[k].graph))).run(feeds))[st[k].output]!;
  }
  return { low: env.low!, high: env.high!, logits: env.head! };
}

/** Each stage's ONNX inputs and output are the ones model.json names; the single graph reads image, writes logits. */
export async function checkGraphNames(dir: string, m: Manifest, singleFile: string) {
  const st = m.stages!;
  for (const k of ['low', 'high', 'head'] as const) {
    const s = await session(path.join(dir, st[k].graph));
    assert.deepEqual([...s.inputNames].sort(), Object.keys(st[k].inputs).sort(), `${k} inputs`);
    assert.deepEqual([...s.outputNames], [st[k].output], `${k} output`);
  }
  const s = await session(singleFile);
  assert.deepEqual([...s.inputNames], ['image']);
  assert.deepEqual([...s.outputNames], ['logits']);
}

/** The checks every shipped bundle's manifest must pass (the 11 CamVid classes, logits out). */
export function checkCamvidManifest(m: Manifest) {
  assert.equal(m.classes.length, 11);
  m.classes.forEach((c, i) => {
    assert.equal(c.id, i);
    assert.equal(c.name, EXPECTED_CLASSES[i]![0]);
    assert.deepEqual(c.color, EXPECTED_CLASSES[i]![1]);
  });
  assert.equal(m.ignoreIndex, 11);
  assert.equal(m.input.layout, 'NCHW');
  assert.equal(m.input.colorOrder, 'RGB');
  assert.equal(m.input.name, 'image');
  assert.ok(Math.abs(m.input.scale - 1 / 255) < 1e-8);
  assert.equal(m.input.mean.length, 3);
  assert.equal(m.input.std.length, 3);
  assert.equal(m.output.layout, 'NCHW');
  assert.equal(m.output.kind, 'logits');
}

/** A synthetic road-like RGBA frame: sky and buildings above, road below. */
export function syntheticFrame(fw: number, fh: number): Uint8Array {
  const rgba = new Uint8Array(fw * fh * 4);
  for (let y = 0; y < fh; y++) for (let x = 0; x < fw; x++) {
    const i = (y * fw + x) * 4;
    const road = y > fh * 0.55;
    rgba[i] = road ? 90 : 150 + (y % 7); rgba[i + 1] = road ? 85 : 160; rgba[i + 2] = road ? 95 : 190; rgba[i + 3] = 255;
  }
  return rgba;
}

export const VAL_A_DIR = path.join(DATA_DIR, 'camvid', 'val_a');
export const HAVE_VAL_A = fs.existsSync(VAL_A_DIR);
export const VAL_A_SKIP = HAVE_VAL_A ? false : `CamVid data not found at ${VAL_A_DIR} (set VSS_DATA_DIR); skipping the accuracy check`;

/** mIoU (%) on every 5th of the 50 val_a frames; classes absent from labels and prediction left out. */
export async function valA10Miou(predict: (rgba: Buffer, h: number, w: number) => Promise<Uint8Array>): Promise<number> {
  const names = fs.readdirSync(VAL_A_DIR).filter((n) => n.endsWith('.png')).sort().filter((_, i) => i % 5 === 0).slice(0, 10);
  assert.equal(names.length, 10);
  const inter = new Float64Array(11), uni = new Float64Array(11);
  for (const n of names) {
    const img = PNG.sync.read(fs.readFileSync(path.join(VAL_A_DIR, n)));
    const lab = PNG.sync.read(fs.readFileSync(path.join(DATA_DIR, 'camvid', 'val_aannot', n)));
    const pred = await predict(img.data, img.height, img.width);
    for (let p = 0; p < pred.length; p++) {
      const t = lab.data[p * 4]!;
      if (t >= 11) continue;
      const q = pred[p]!;
      if (q === t) { inter[t]!++; uni[t]!++; } else { uni[t]!++; uni[q]!++; }
    }
  }
  const ious: number[] = [];
  for (let k = 0; k < 11; k++) if (uni[k]! > 0) ious.push(inter[k]! / uni[k]!);
  return (100 * ious.reduce((a, b) => a + b, 0)) / ious.length;
}
