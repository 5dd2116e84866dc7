import assert from 'node:assert/strict';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { loadBundle } from './bundle.ts';
import { brokenCopy, TINY_SINGLE, TINY_SPLIT } from './testing.ts';

const dirs: string[] = [];
after(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

async function broken(src: string, edit: (m: Record<string, unknown>) => void): Promise<string> {
  const d = await brokenCopy(src, edit);
  dirs.push(d);
  return d;
}

type Json = Record<string, unknown>;
const sub = (m: Json, k: string): Json => m[k] as Json;

async function rejectsWith(dir: string, pattern: RegExp): Promise<void> {
  await assert.rejects(loadBundle(dir), (e: Error) => {
    assert.match(e.message, pattern);
    assert.equal(e.message.includes('\n'), false, 'one line');
    return true;
  });
}

describe('bundle loading', () => {
  test('split bundle: stage shapes follow the strides and the head gives class probabilities', async () => {
    const b = await loadBundle(TINY_SPLIT);
    try {
      assert.equal(b.split, true);
      assert.deepEqual(b.grid, { width: 32, height: 24 });
      const x = new Float32Array(3 * 128 * 96).fill(0.5);
      const low = await b.low(x);
      assert.deepEqual([low.channels, low.height, low.width], [8, 24, 32]);
      const high = await b.high(x, low);
      assert.deepEqual([high.channels, high.height, high.width], [11, 6, 8]);
      const p = await b.head(high, low);
      assert.deepEqual([p.channels, p.height, p.width], [11, 24, 32]);
      let sum = 0;
      for (let c = 0; c < 11; c++) sum += p.data[c * 24 * 32]!;
      assert.ok(Math.abs(sum - 1) < 1e-4, 'softmaxed');
      const full = await b.full(x);
      assert.deepEqual(full.data, p.data);
    } finally {
      await b.release();
    }
  });

  test('single graph: output grid at the declared stride, low/high/head refused', async () => {
    const b = await loadBundle(TINY_SINGLE);
    try {
      assert.equal(b.split, false);
      assert.deepEqual(b.grid, { width: 64, height: 48 });
      const p = await b.full(new Float32Array(3 * 128 * 96));
      assert.deepEqual([p.channels, p.height, p.width], [11, 48, 64]);
      assert.throws(() => b.low(new Float32Array(1)), /split bundle/);
    } finally {
      await b.release();
    }
  });

  test('requesting cuda on a machine without it falls back to cpu with a note', async () => {
    const b = await loadBundle(TINY_SINGLE, { executionProvider: 'cuda' });
    try {
      assert.equal(b.executionProvider, 'cpu');
      assert.equal(b.notes.length, 1);
      assert.match(b.notes[0]!, /execution provider "cuda" is not available .*using cpu/);
    } finally {
      await b.release();
    }
  });
});

describe('bundle validation names the field', () => {
  test('missing folder and missing model.json', async () => {
    await rejectsWith(join(TINY_SPLIT, 'nope'), /model bundle folder not found/);
    const d = await broken(TINY_SINGLE, () => {});
    await rm(join(d, 'model.json'));
    await rejectsWith(d, /model.json not found/);
  });

  test('JSON syntax error reports the position', async () => {
    const d = await broken(TINY_SINGLE, () => {});
    await writeFile(join(d, 'model.json'), '{\n  "name": "x",\n  "graph": }');
    await rejectsWith(d, /^model.json: invalid JSON \(.*line 3 column/);
  });

  test('wrong types and values', async () => {
    await rejectsWith(await broken(TINY_SINGLE, (m) => (sub(m, 'input').layout = 'CHW')), /^model.json: input.layout must be "NCHW" or "NHWC"$/);
    await rejectsWith(await broken(TINY_SINGLE, (m) => (sub(m, 'input').std = [1, 0, 1])), /input.std\[1\] must be > 0/);
    await rejectsWith(await broken(TINY_SINGLE, (m) => (sub(m, 'output').kind = 'scores')), /output.kind must be "logits" or "probabilities"/);
    await rejectsWith(await broken(TINY_SINGLE, (m) => (m.classes = 'all')), /classes must be a non-empty array/);
    await rejectsWith(await broken(TINY_SINGLE, (m) => (m.stages = {})), /exactly one of "graph"/);
    await rejectsWith(await broken(TINY_SPLIT, (m) => (sub(sub(m, 'stages'), 'high').inputs = { low: 'head' })), /stages.high.inputs.low must be "image" or "low" or "high"/);
  });

  test('missing ONNX file and a file that is not ONNX', async () => {
    await rejectsWith(await broken(TINY_SINGLE, (m) => (m.graph = 'other.onnx')), /^model.json: graph "other.onnx" not found/);
    const d = await broken(TINY_SINGLE, () => {});
    await writeFile(join(d, 'model.onnx'), 'this is not a protobuf');
    await rejectsWith(d, /^model.json: graph "model.onnx" is not a valid ONNX model$/);
    const s = await broken(TINY_SPLIT, () => {});
    await writeFile(join(s, 'high.onnx'), Buffer.from([1, 2, 3, 4]));
    await rejectsWith(s, /^model.json: graph "high.onnx" is not a valid ONNX model$/);
  });

  test('input or output name not in the graph lists the available names', async () => {
    await rejectsWith(await broken(TINY_SINGLE, (m) => (sub(m, 'output').name = 'probs')), /output.name "probs" is not in graph "model.onnx" \(available: logits\)/);
    await rejectsWith(await broken(TINY_SINGLE, (m) => (sub(m, 'input').name = 'rgb')), /input.name "rgb" is not in graph "model.onnx" \(available: image\)/);
    await rejectsWith(await broken(TINY_SPLIT, (m) => (sub(sub(m, 'stages'), 'head').output = 'out')), /stages.head.output "out" is not in graph "head.onnx" \(available: logits\)/);
  });

  test('layout or size that does not fit the graph', async () => {
    await rejectsWith(await broken(TINY_SINGLE, (m) => (sub(m, 'input').layout = 'NHWC')), /input.layout "NHWC" .* does not fit the graph: it declares \[1,3,96,128\]/);
    await rejectsWith(await broken(TINY_SINGLE, (m) => (sub(m, 'input').width = 100)), /input.layout "NCHW" with input.width\/height does not fit/);
    await rejectsWith(await broken(TINY_SINGLE, (m) => (sub(m, 'output').layout = 'NHWC')), /output.layout "NHWC": the graph outputs 64 channels but the number of classes is 11/);
    await rejectsWith(await broken(TINY_SINGLE, (m) => (sub(m, 'output').stride = 4)), /output.stride 4 does not fit the output grid 64x48/);
    await rejectsWith(await broken(TINY_SPLIT, (m) => (sub(sub(m, 'stages'), 'low').stride = 8)), /stages.low.stride 8 does not fit/);
  });

  test('output channels that do not match the classes', async () => {
    await rejectsWith(await broken(TINY_SINGLE, (m) => (m.classes = (m.classes as unknown[]).slice(0, 5))), /the graph outputs 11 channels but the number of classes is 5/);
    await rejectsWith(await broken(TINY_SPLIT, (m) => (m.classes = (m.classes as unknown[]).slice(0, 5))), /stages.head.channels \(11\) must equal the number of classes \(5\)/);
    await rejectsWith(await broken(TINY_SPLIT, (m) => (sub(sub(m, 'stages'), 'low').channels = 4)), /stages.low.channels/);
  });
});
