// Parity and sanity tests for the camvid-lite bundles (split + single graph).
// Run from the repo root:  node --import tsx --test native-models/parity.test.ts
// Self-contained on purpose: no imports from electron/ (the engine is developed separately).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as ort from 'onnxruntime-node';
import { PNG } from 'pngjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..');
const SPLIT_DIR = path.join(HERE, 'camvid-lite');
const SINGLE_DIR = path.join(HERE, 'camvid-lite-single');
const PARITY_DIR = path.join(SPLIT_DIR, 'parity');
const DATA_DIR = path.resolve(REPO, process.env.VSS_DATA_DIR ?? '../shared/data');

// Accuracy floor on 10 val_a frames (every 5th of the 50): the figure measured for the exported
// checkpoint by evaluate.py (PyTorch, OpenCV resize; stored in camvid-lite/eval.json as
// results.val_a_10) minus a margin of MIOU_MARGIN points for this test's own JS preprocessing.
const MIOU_MARGIN = 3;
function valA10Threshold(): number {
  const evalFile = path.join(SPLIT_DIR, 'eval.json');
  const measured = JSON.parse(fs.readFileSync(evalFile, 'utf8')).results.val_a_10.miou_present_classes as number;
  return 100 * measured - MIOU_MARGIN;
}

const EXPECTED_CLASSES: Array<[string, [number, number, number]]> = [
  ['Sky', [128, 128, 128]], ['Building', [128, 0, 0]], ['Pole', [192, 192, 128]], ['Road', [128, 64, 128]],
  ['Pavement', [60, 40, 222]], ['Tree', [128, 128, 0]], ['SignSymbol', [192, 128, 128]], ['Fence', [64, 64, 128]],
  ['Car', [64, 0, 128]], ['Pedestrian', [64, 64, 0]], ['Bicyclist', [0, 128, 192]],
];

interface StageSpec { graph: string; inputs: Record<string, string>; output: string; stride: number; channels: number }
interface InputSpec {
  name: string; layout: string; colorOrder: string; scale: number;
  mean: number[]; std: number[]; width: number; height: number;
}
interface Manifest {
  name: string; graph?: string; stages?: Record<'low' | 'high' | 'head', StageSpec>;
  classes: Array<{ id: number; name: string; color: number[] }>;
  ignoreIndex: number; input: InputSpec;
  output: { name?: string; layout: string; kind: string; stride?: number };
}

const readJson = <T>(p: string): T => JSON.parse(fs.readFileSync(p, 'utf8')) as T;
const splitManifest = readJson<Manifest>(path.join(SPLIT_DIR, 'model.json'));
const singleManifest = readJson<Manifest>(path.join(SINGLE_DIR, 'model.json'));

const sessions = new Map<string, Promise<ort.InferenceSession>>();
function session(file: string): Promise<ort.InferenceSession> {
  let s = sessions.get(file);
  if (!s) {
    s = ort.InferenceSession.create(file, {
      intraOpNumThreads: 2, interOpNumThreads: 1, extra: { session: { intra_op: { allow_spinning: '0' } } },
    });
    sessions.set(file, s);
  }
  return s;
}
const stageFile = (k: 'low' | 'high' | 'head') => path.join(SPLIT_DIR, splitManifest.stages![k].graph);
const singleFile = () => path.join(SINGLE_DIR, singleManifest.graph!);

function readF32(file: string): Float32Array {
  const buf = fs.readFileSync(file);
  const out = new Float32Array(buf.byteLength / 4);
  new Uint8Array(out.buffer).set(buf);
  return out;
}

function compare(name: string, got: ort.Tensor, want: Float32Array, shape: number[]) {
  assert.deepEqual(Array.from(got.dims), shape, `${name}: shape`);
  const g = got.data as Float32Array;
  assert.equal(g.length, want.length, `${name}: size`);
  let maxAbs = 0;
  for (let i = 0; i < g.length; i++) maxAbs = Math.max(maxAbs, Math.abs(g[i] - want[i]));
  assert.ok(maxAbs <= 1e-4, `${name}: max abs diff ${maxAbs} > 1e-4`);
  return maxAbs;
}

function argmaxAgreement(a: Float32Array, b: Float32Array, shape: number[]): number {
  const [, c, h, w] = shape;
  const hw = h * w;
  let agree = 0;
  for (let p = 0; p < hw; p++) {
    let ia = 0, ib = 0;
    for (let k = 1; k < c; k++) {
      if (a[k * hw + p] > a[ia * hw + p]) ia = k;
      if (b[k * hw + p] > b[ib * hw + p]) ib = k;
    }
    if (ia === ib) agree++;
  }
  return agree / hw;
}

// Bilinear resize of a planar CHW float image, half-pixel centres (align_corners=false).
function resizeBilinearCHW(src: Float32Array, c: number, sh: number, sw: number, dh: number, dw: number): Float32Array {
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
        const top = src[o + y0 * sw + x0] * (1 - wx) + src[o + y0 * sw + x1] * wx;
        const bot = src[o + y1 * sw + x0] * (1 - wx) + src[o + y1 * sw + x1] * wx;
        dst[k * dh * dw + y * dw + x] = top * (1 - wy) + bot * wy;
      }
    }
  }
  return dst;
}

// RGBA (HWC uint8) frame -> normalised NCHW tensor at the model input size.
function preprocess(rgba: Uint8Array | Buffer, h: number, w: number, spec: InputSpec): ort.Tensor {
  const planar = new Float32Array(3 * h * w);
  for (let i = 0; i < h * w; i++) for (let k = 0; k < 3; k++) planar[k * h * w + i] = rgba[i * 4 + k];
  const r = resizeBilinearCHW(planar, 3, h, w, spec.height, spec.width);
  const n = spec.height * spec.width;
  for (let k = 0; k < 3; k++) for (let i = 0; i < n; i++) r[k * n + i] = (r[k * n + i] * spec.scale - spec.mean[k]) / spec.std[k];
  return new ort.Tensor('float32', r, [1, 3, spec.height, spec.width]);
}

async function runSplit(image: ort.Tensor) {
  const st = splitManifest.stages!;
  const low = (await (await session(stageFile('low'))).run({ image }))[st.low.output];
  const high = (await (await session(stageFile('high'))).run({ low }))[st.high.output];
  const logits = (await (await session(stageFile('head'))).run({ high, low }))[st.head.output];
  return { low, high, logits };
}

function argmaxUpsampled(logits: ort.Tensor, outH: number, outW: number): Uint8Array {
  const [, c, h, w] = logits.dims as number[];
  const up = resizeBilinearCHW(logits.data as Float32Array, c, h, w, outH, outW);
  const n = outH * outW;
  const pred = new Uint8Array(n);
  for (let p = 0; p < n; p++) {
    let best = 0;
    for (let k = 1; k < c; k++) if (up[k * n + p] > up[best * n + p]) best = k;
    pred[p] = best;
  }
  return pred;
}

test('model.json manifests parse and describe 11 CamVid classes', () => {
  for (const m of [splitManifest, singleManifest]) {
    assert.equal(m.classes.length, 11);
    m.classes.forEach((c, i) => {
      assert.equal(c.id, i);
      assert.equal(c.name, EXPECTED_CLASSES[i][0]);
      assert.deepEqual(c.color, EXPECTED_CLASSES[i][1]);
    });
    assert.equal(m.ignoreIndex, 11);
    assert.equal(m.input.layout, 'NCHW');
    assert.equal(m.input.colorOrder, 'RGB');
    assert.equal(m.input.name, 'image');
    assert.ok(Math.abs(m.input.scale - 1 / 255) < 1e-8);
    assert.equal(m.input.width, 480);
    assert.equal(m.input.height, 352);
    assert.equal(m.input.mean.length, 3);
    assert.equal(m.input.std.length, 3);
    assert.equal(m.output.layout, 'NCHW');
    assert.equal(m.output.kind, 'logits');
  }
  assert.equal(singleManifest.name, 'camvid-lite-single');
  assert.equal(singleManifest.graph, 'model.onnx');
  assert.equal(singleManifest.output.name, 'logits');
  assert.equal(singleManifest.output.stride, 4);
  assert.ok(fs.existsSync(singleFile()));
  const st = splitManifest.stages!;
  assert.equal(splitManifest.name, 'camvid-lite');
  assert.deepEqual(st.low.inputs, { image: 'image' });
  assert.deepEqual(st.high.inputs, { low: 'low' });
  assert.deepEqual(st.head.inputs, { high: 'high', low: 'low' });
  assert.equal(st.low.stride, 4);
  assert.ok(st.high.stride === 8 || st.high.stride === 16);
  assert.equal(st.head.stride, 4);
  assert.equal(st.head.channels, 11);
  for (const k of ['low', 'high', 'head'] as const) assert.ok(fs.existsSync(stageFile(k)), `${k} graph exists`);
  let bytes = 0;
  for (const f of fs.readdirSync(SPLIT_DIR)) if (f.endsWith('.onnx')) bytes += fs.statSync(path.join(SPLIT_DIR, f)).size;
  assert.ok(bytes <= 10 * 1024 * 1024, `split bundle is ${bytes} bytes`);
});

test('ONNX graph input/output names match the manifests', async () => {
  const st = splitManifest.stages!;
  for (const k of ['low', 'high', 'head'] as const) {
    const s = await session(stageFile(k));
    assert.deepEqual([...s.inputNames].sort(), Object.keys(st[k].inputs).sort(), `${k} inputs`);
    assert.deepEqual([...s.outputNames], [st[k].output], `${k} output`);
  }
  const s = await session(singleFile());
  assert.deepEqual([...s.inputNames], ['image']);
  assert.deepEqual([...s.outputNames], ['logits']);
});

test('parity: onnxruntime-node matches PyTorch per stage and for the single graph', async () => {
  const meta = readJson<{ tensors: Record<string, { file: string; shape: number[] }> }>(path.join(PARITY_DIR, 'meta.json'));
  const t = meta.tensors;
  const load = (k: string) => readF32(path.join(PARITY_DIR, t[k].file));
  const input = new ort.Tensor('float32', load('input'), t.input.shape);
  const refLow = load('low'), refHigh = load('high'), refLogits = load('logits'), refSingle = load('single_logits');

  const low = (await (await session(stageFile('low'))).run({ image: input })).low;
  compare('low', low, refLow, t.low.shape);
  // Each stage is checked on PyTorch's own inputs, so errors do not compound.
  const lowRef = new ort.Tensor('float32', refLow, t.low.shape);
  const high = (await (await session(stageFile('high'))).run({ low: lowRef })).high;
  compare('high', high, refHigh, t.high.shape);
  const highRef = new ort.Tensor('float32', refHigh, t.high.shape);
  const head = (await (await session(stageFile('head'))).run({ high: highRef, low: lowRef })).logits;
  compare('head', head, refLogits, t.logits.shape);
  assert.ok(argmaxAgreement(head.data as Float32Array, refLogits, t.logits.shape) >= 0.999, 'head argmax agreement');

  // Whole chain in ONNX Runtime vs PyTorch.
  const chain = await runSplit(input);
  compare('split chain', chain.logits, refLogits, t.logits.shape);
  assert.ok(argmaxAgreement(chain.logits.data as Float32Array, refLogits, t.logits.shape) >= 0.999, 'chain argmax agreement');

  const single = (await (await session(singleFile())).run({ image: input })).logits;
  compare('single', single, refSingle, t.single_logits.shape);
  assert.ok(argmaxAgreement(single.data as Float32Array, refSingle, t.single_logits.shape) >= 0.999, 'single argmax agreement');
  // The single graph is the same network as the split chain.
  compare('single vs split', single, refLogits, t.logits.shape);
});

test('output shapes at the 480x352 model input size', async () => {
  const { width: W, height: H } = splitManifest.input;
  const st = splitManifest.stages!;
  const img = new ort.Tensor('float32', new Float32Array(3 * H * W).fill(0.1), [1, 3, H, W]);
  const r = await runSplit(img);
  assert.deepEqual(Array.from(r.low.dims), [1, st.low.channels, H / st.low.stride, W / st.low.stride]);
  assert.deepEqual(Array.from(r.high.dims), [1, st.high.channels, H / st.high.stride, W / st.high.stride]);
  assert.deepEqual(Array.from(r.logits.dims), [1, 11, H / 4, W / 4]);
  const s = (await (await session(singleFile())).run({ image: img })).logits;
  assert.deepEqual(Array.from(s.dims), [1, 11, H / 4, W / 4]);
});

test('a synthetic 480x360 frame, resized to the input, yields a 480x360 label map', async () => {
  const fw = 480, fh = 360;
  const rgba = new Uint8Array(fw * fh * 4);
  for (let y = 0; y < fh; y++) for (let x = 0; x < fw; x++) {
    const i = (y * fw + x) * 4;
    const road = y > fh * 0.55;
    rgba[i] = road ? 90 : 150 + (y % 7); rgba[i + 1] = road ? 85 : 160; rgba[i + 2] = road ? 95 : 190; rgba[i + 3] = 255;
  }
  const r = await runSplit(preprocess(rgba, fh, fw, splitManifest.input));
  assert.deepEqual(Array.from(r.logits.dims), [1, 11, 88, 120]);
  const pred = argmaxUpsampled(r.logits, fh, fw);
  assert.equal(pred.length, fw * fh);
  for (const v of pred) assert.ok(v >= 0 && v < 11);
});

const valDir = path.join(DATA_DIR, 'camvid', 'val_a');
const haveData = fs.existsSync(valDir);
test('mIoU on 10 val_a frames is above the threshold',
  { skip: haveData ? false : `CamVid data not found at ${valDir} (set VSS_DATA_DIR); skipping the accuracy check` },
  async () => {
    const names = fs.readdirSync(valDir).filter((n) => n.endsWith('.png')).sort().filter((_, i) => i % 5 === 0).slice(0, 10);
    assert.equal(names.length, 10);
    const inter = new Float64Array(11), uni = new Float64Array(11);
    for (const n of names) {
      const img = PNG.sync.read(fs.readFileSync(path.join(valDir, n)));
      const lab = PNG.sync.read(fs.readFileSync(path.join(DATA_DIR, 'camvid', 'val_aannot', n)));
      const r = await runSplit(preprocess(img.data, img.height, img.width, splitManifest.input));
      const pred = argmaxUpsampled(r.logits, img.height, img.width);
      for (let p = 0; p < pred.length; p++) {
        const t = lab.data[p * 4];
        if (t >= 11) continue;
        const q = pred[p];
        if (q === t) { inter[t]++; uni[t]++; } else { uni[t]++; uni[q]++; }
      }
    }
    // Classes absent from both prediction and labels of these frames are left out of the mean.
    const ious: number[] = [];
    for (let k = 0; k < 11; k++) if (uni[k] > 0) ious.push(inter[k] / uni[k]);
    const miou = (100 * ious.reduce((a, b) => a + b, 0)) / ious.length;
    const threshold = valA10Threshold();
    console.log(`val_a (10 frames) mIoU ${miou.toFixed(2)}% over ${ious.length} classes (threshold ${threshold.toFixed(2)})`);
    assert.ok(miou >= threshold, `mIoU ${miou.toFixed(2)} < ${threshold.toFixed(2)}`);
  });
