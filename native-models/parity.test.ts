// Parity and sanity tests for the camvid-lite bundles (split + single graph), the fast option.
// Run from the repo root:  node --import tsx --test native-models/parity.test.ts
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ort from 'onnxruntime-node';
import {
  HERE, VAL_A_SKIP, argmaxAgreement, argmaxUpsampled, checkCamvidManifest, checkGraphNames, compare, preprocess, readF32, readJson,
  runSplit, session, syntheticFrame, valA10Miou, type Manifest, type StageName,
} from './bundle-test-support.ts';

const SPLIT_DIR = path.join(HERE, 'camvid-lite');
const SINGLE_DIR = path.join(HERE, 'camvid-lite-single');
const PARITY_DIR = path.join(SPLIT_DIR, 'parity');

// Accuracy floor on 10 val_a frames (every 5th of the 50): the figure measured for the exported
// checkpoint by evaluate.py (PyTorch, OpenCV resize; stored in camvid-lite/eval.json as
// results.val_a_10) minus a margin of MIOU_MARGIN points for this test's own JS preprocessing.
const MIOU_MARGIN = 3;
function valA10Threshold(): number {
  const measured = readJson<{ results: { val_a_10: { miou_present_classes: number } } }>(path.join(SPLIT_DIR, 'eval.json'));
  return 100 * measured.results.val_a_10.miou_present_classes - MIOU_MARGIN;
}

const splitManifest = readJson<Manifest>(path.join(SPLIT_DIR, 'model.json'));
const singleManifest = readJson<Manifest>(path.join(SINGLE_DIR, 'model.json'));
const stageFile = (k: StageName) => path.join(SPLIT_DIR, splitManifest.stages![k].graph);
const singleFile = () => path.join(SINGLE_DIR, singleManifest.graph!);
const chain = (image: ort.Tensor) => runSplit(SPLIT_DIR, splitManifest, image);

test('model.json manifests parse and describe 11 CamVid classes', () => {
  for (const m of [splitManifest, singleManifest]) {
    checkCamvidManifest(m);
    assert.equal(m.input.width, 480);
    assert.equal(m.input.height, 352);
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
  await checkGraphNames(SPLIT_DIR, splitManifest, singleFile());
});

test('parity: onnxruntime-node matches PyTorch per stage and for the single graph', async () => {
  const meta = readJson<{ tensors: Record<string, { file: string; shape: number[] }> }>(path.join(PARITY_DIR, 'meta.json'));
  const t = meta.tensors;
  const load = (k: string) => readF32(path.join(PARITY_DIR, t[k]!.file));
  const input = new ort.Tensor('float32', load('input'), t.input!.shape);
  const refLow = load('low'), refHigh = load('high'), refLogits = load('logits'), refSingle = load('single_logits');

  const low = (await (await session(stageFile('low'))).run({ image: input })).low!;
  compare('low', low, refLow, t.low!.shape);
  // Each stage is checked on PyTorch's own inputs, so errors do not compound.
  const lowRef = new ort.Tensor('float32', refLow, t.low!.shape);
  const high = (await (await session(stageFile('high'))).run({ low: lowRef })).high!;
  compare('high', high, refHigh, t.high!.shape);
  const highRef = new ort.Tensor('float32', refHigh, t.high!.shape);
  const head = (await (await session(stageFile('head'))).run({ high: highRef, low: lowRef })).logits!;
  compare('head', head, refLogits, t.logits!.shape);
  assert.ok(argmaxAgreement(head.data as Float32Array, refLogits, t.logits!.shape) >= 0.999, 'head argmax agreement');

  // Whole chain in ONNX Runtime vs PyTorch.
  const r = await chain(input);
  compare('split chain', r.logits, refLogits, t.logits!.shape);
  assert.ok(argmaxAgreement(r.logits.data as Float32Array, refLogits, t.logits!.shape) >= 0.999, 'chain argmax agreement');

  const single = (await (await session(singleFile())).run({ image: input })).logits!;
  compare('single', single, refSingle, t.single_logits!.shape);
  assert.ok(argmaxAgreement(single.data as Float32Array, refSingle, t.single_logits!.shape) >= 0.999, 'single argmax agreement');
  // The single graph is the same network as the split chain.
  compare('single vs split', single, refLogits, t.logits!.shape);
});

test('output shapes at the 480x352 model input size', async () => {
  const { width: W, height: H } = splitManifest.input;
  const st = splitManifest.stages!;
  const img = new ort.Tensor('float32', new Float32Array(3 * H * W).fill(0.1), [1, 3, H, W]);
  const r = await chain(img);
  assert.deepEqual(Array.from(r.low.dims), [1, st.low.channels, H / st.low.stride, W / st.low.stride]);
  assert.deepEqual(Array.from(r.high.dims), [1, st.high.channels, H / st.high.stride, W / st.high.stride]);
  assert.deepEqual(Array.from(r.logits.dims), [1, 11, H / 4, W / 4]);
  const s = (await (await session(singleFile())).run({ image: img })).logits!;
  assert.deepEqual(Array.from(s.dims), [1, 11, H / 4, W / 4]);
});

test('a synthetic 480x360 frame, resized to the input, yields a 480x360 label map', async () => {
  const fw = 480, fh = 360;
  const r = await chain(preprocess(syntheticFrame(fw, fh), fh, fw, splitManifest.input));
  assert.deepEqual(Array.from(r.logits.dims), [1, 11, 88, 120]);
  const pred = argmaxUpsampled(r.logits, fh, fw);
  assert.equal(pred.length, fw * fh);
  for (const v of pred) assert.ok(v >= 0 && v < 11);
});

test('mIoU on 10 val_a frames is above the threshold', { skip: VAL_A_SKIP }, async () => {
  const miou = await valA10Miou(async (rgba, h, w) => argmaxUpsampled((await chain(preprocess(rgba, h, w, splitManifest.input))).logits, h, w));
  const threshold = valA10Threshold();
  console.log(`camvid-lite val_a (10 frames) mIoU ${miou.toFixed(2)}% (threshold ${threshold.toFixed(2)})`);
  assert.ok(miou >= threshold, `mIoU ${miou.toFixed(2)} < ${threshold.toFixed(2)}`);
});
