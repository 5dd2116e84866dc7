import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { loadBundle, type ModelBundle } from '../model/bundle.ts';
import { TINY_SINGLE, TINY_SPLIT } from '../model/testing.ts';
import { temporalConsistencyPair } from '../metrics/temporal-consistency.ts';
import { generateSequence } from '../synthetic/generate.ts';
import type { LabelMap } from '../../core/types.ts';
import { disFlow } from '../flow/dis.ts';
import { flowGray, flowSizeFor } from '../segment/flow-gray.ts';
import { KeyWarper } from '../warp/key-warper.ts';
import { flowDisOptions } from './propagate.ts';
import { miou, noisyBundle, runMode } from './testing.ts';
import { createMode } from './create.ts';
import { keyOfRun, MAX_RUN } from './adaptive-batch.ts';
import { MAX_WAITING } from './dff.ts';
import { MODE_DEFAULTS } from './types.ts';

let split: ModelBundle;
let single: ModelBundle;
before(async () => {
  split = await loadBundle(TINY_SPLIT, { threads: 1 });
  single = await loadBundle(TINY_SINGLE, { threads: 1 });
});
after(async () => {
  await split.release();
  await single.release();
});

// Fast camera (2 m per frame) so that key-frame labels go stale quickly without warping.
const moving = generateSequence({ width: 160, height: 96, frames: 17, speed: 2, cars: 8 });

describe('dff', () => {
  test('propagated labels track the ground truth: close to per-frame, clearly better than copying key labels', async () => {
    const K = 8;
    const pf = await runMode(split, moving, { mode: 'per-frame' });
    const dff = await runMode(split, moving, { mode: 'dff', keyInterval: K, lowLatency: true });
    assert.deepEqual(dff.keyFrames, [0, 8, 16]);
    const copy = pf.labels.map((_, i) => pf.labels[i - (i % K)]!);
    const [mPf, mDff, mCopy] = [miou(pf.labels, moving), miou(dff.labels, moving), miou(copy, moving)];
    assert.ok(mDff >= mPf - 0.03, `dff ${mDff.toFixed(3)} vs per-frame ${mPf.toFixed(3)}`);
    assert.ok(mDff >= mCopy + 0.02, `dff ${mDff.toFixed(3)} vs copied key labels ${mCopy.toFixed(3)}`);
  });

  test('batch schedule: the key is the middle of each run of K, the frames before it propagate back from it', async () => {
    const K = 8;
    const causal = await runMode(split, moving, { mode: 'dff', keyInterval: K, lowLatency: true });
    const centred = await runMode(split, moving, { mode: 'dff', keyInterval: K, lowLatency: false });
    // Runs 0-7 and 8-15 have their keys at 3 and 11; frame 16 (a run cut short by the end) propagates from 11.
    assert.deepEqual(centred.keyFrames, [3, 11]);
    assert.deepEqual(centred.outputs.map((o) => o.index), moving.map((f) => f.index));
    // Frames before their key record the wait for it (not work); frames after it do not wait.
    assert.ok([0, 1, 2].every((i) => centred.outputs[i]!.timings.wait > 0));
    assert.ok([3, 4, 5].every((i) => centred.outputs[i]!.timings.wait === 0));
    const [mCausal, mCentred] = [miou(causal.labels, moving), miou(centred.labels, moving)];
    assert.ok(mCentred > mCausal, `centred ${mCentred.toFixed(3)} vs key first ${mCausal.toFixed(3)}`);
  });

  test('batch schedule: frames wait for their key, and a stream that ends first makes its last frame the key', async () => {
    const mode = createMode(split, { ...MODE_DEFAULTS, mode: 'dff', keyInterval: 5 });
    const fsize = flowSizeFor(split.manifest.input.width, split.manifest.input.height, MODE_DEFAULTS.flowScale);
    const push = (i: number) => mode.push({ index: i, input: () => split.preprocess({ width: 160, height: 96, data: moving[i]!.rgba }), gray: flowGray(moving[i]!.rgba, 160, 96, fsize) });
    assert.deepEqual(await push(0), []);
    assert.deepEqual(await push(1), []);
    const flushed = await mode.flush();
    assert.deepEqual(flushed.map((o) => [o.index, o.key]), [[0, false], [1, true]]);
    assert.equal(mode.info().keyPosition, 2);
  });

  test('batch schedules bound what they hold: dff waits for at most MAX_WAITING frames, an adaptive run holds at most MAX_RUN', async () => {
    assert.equal(createMode(split, { ...MODE_DEFAULTS, mode: 'dff', keyInterval: 1000 }).info().keyPosition, MAX_WAITING);
    const long = generateSequence({ width: 64, height: 48, frames: MAX_RUN + 8, speed: 1 });
    const r = await runMode(split, long, { mode: 'adaptive', threshold: 1e9, maxInterval: 10000 });
    assert.deepEqual(r.outputs.map((o) => o.index), long.map((f) => f.index));
    // Runs 0..MAX_RUN-1 and MAX_RUN.. (cut short by the end): one key in each.
    assert.equal(r.keyFrames.length, 2);
    assert.ok(r.keyFrames[0]! < MAX_RUN && r.keyFrames[1]! >= MAX_RUN, `key frames ${r.keyFrames.join(',')}`);
  });

  test("adaptive's batch key: the frame at the median deviation from the run's first frame", () => {
    assert.equal(keyOfRun([0]), 0);
    assert.equal(keyOfRun([0, 0.49, 0.53, 0.57, 0.62]), 2); // steady change: the middle frame
    assert.equal(keyOfRun([0, 0.9, 0.92, 0.95]), 1); // even count: the lower median
    // Not growing steadily (the view changes, then comes back): not the middle frame.
    assert.equal(keyOfRun([0, 0.6, 0.7, 0.2, 0.3, 0.4, 0.8]), 5);
  });

  for (const lowLatency of [true, false]) {
    test(`every output is computed afresh although the warped features share one scratch buffer (${lowLatency ? 'key first' : 'key in the middle'})`, async () => {
      await checkOutputsAfresh(lowLatency);
    });
  }

  async function checkOutputsAfresh(lowLatency: boolean): Promise<void> {
    // K = 4: the second run is frames 4-7, its key frame 4 (first) or 5 (middle).
    const dff = await runMode(split, moving, { mode: 'dff', keyInterval: 4, lowLatency });
    const fsize = flowSizeFor(split.manifest.input.width, split.manifest.input.height, MODE_DEFAULTS.flowScale);
    const { width, height } = moving[0]!.labels;
    const grayOf = (i: number) => flowGray(moving[i]!.rgba, width, height, fsize);
    const dis = flowDisOptions(MODE_DEFAULTS.preset, MODE_DEFAULTS.flowScale);
    const key = lowLatency ? 4 : 5;
    assert.ok(dff.keyFrames.includes(key));
    const kx = split.preprocess({ width, height, data: moving[key]!.rgba });
    const kHigh = await split.high(kx, await split.low(kx));
    const warper = new KeyWarper();
    for (const i of [4, 5, 6, 7].filter((j) => j !== key)) {
      const x = split.preprocess({ width, height, data: moving[i]!.rgba });
      const want = await split.head(warper.warp(kHigh, disFlow(grayOf(i), grayOf(key), dis)), await split.low(x));
      assert.equal(dff.outputs[i]!.index, i);
      assert.deepEqual(Array.from(dff.outputs[i]!.probabilities.data), Array.from(want.data), `frame ${i}`);
    }
  }

  test('single-graph bundles propagate the key probabilities instead', async () => {
    const pf = await runMode(single, moving, { mode: 'per-frame' });
    const dff = await runMode(single, moving, { mode: 'dff', keyInterval: 2 });
    assert.equal(dff.keyFrames.length, 9);
    const copy = pf.labels.map((_, i) => pf.labels[i - (i % 2)]!);
    assert.ok(miou(dff.labels, moving) >= miou(pf.labels, moving) - 0.04);
    assert.ok(miou(dff.labels, moving) >= miou(copy, moving));
  });

  test('a frame asks for the model input only when a stage reads it: never on a single graph\'s non-key frames', async () => {
    const fsize = flowSizeFor(single.manifest.input.width, single.manifest.input.height, MODE_DEFAULTS.flowScale);
    const all = [0, 1, 2, 3, 4, 5, 6, 7];
    // dff's batch schedule (keys 1, 4, 7) keeps frame 0's input in case the stream ends before the first key;
    // adaptive's keeps every frame's, since any frame of a run may become its key.
    for (const [bundle, keyFirst, centred] of [[single, [0, 3, 6], [0, 1, 4, 7]], [split, all, all]] as const) {
      for (const [name, lowLatency, wanted] of [['dff', true, keyFirst], ['dff', false, centred], ['adaptive', false, all]] as const) {
        const mode = createMode(bundle, { ...MODE_DEFAULTS, mode: name, lowLatency, keyInterval: 3, threshold: 1e9, maxInterval: 3 });
        const asked: number[] = [];
        for (const f of moving.slice(0, 8)) {
          const input = (): Float32Array => {
            asked.push(f.index);
            return bundle.preprocess({ width: 160, height: 96, data: f.rgba });
          };
          await mode.push({ index: f.index, input, gray: flowGray(f.rgba, 160, 96, fsize) });
        }
        assert.deepEqual([...new Set(asked)], wanted, `${name}${lowLatency ? ' low-latency' : ''}, ${bundle.split ? 'split' : 'single graph'}`);
      }
    }
  });
});

describe('adaptive', () => {
  const cut = generateSequence({ width: 160, height: 96, frames: 24, sceneCutAt: [13] });

  test('low latency: a key frame is triggered at the scene cut (calibrated to a target interval)', async () => {
    const r = await runMode(split, cut, { mode: 'adaptive', targetInterval: 5, maxInterval: 10, lowLatency: true });
    assert.ok(r.keyFrames.includes(13), `key frames ${r.keyFrames.join(',')}`);
    const intervals = r.keyFrames.slice(1).map((k, i) => k - r.keyFrames[i]!);
    assert.ok(Math.max(...intervals) <= 10);
  });

  test('batch: a run starts at the scene cut, its key in its middle; no frame propagates across the cut', async () => {
    const pf = await runMode(split, cut, { mode: 'per-frame' });
    const batch = await runMode(split, cut, { mode: 'adaptive', targetInterval: 5, maxInterval: 10, lowLatency: false });
    assert.deepEqual(batch.outputs.map((o) => o.index), cut.map((f) => f.index));
    const before = batch.keyFrames.filter((k) => k < 13);
    const after = batch.keyFrames.filter((k) => k >= 13);
    assert.ok(before.length > 0 && after.length > 0 && after[0]! > 13, `key frames ${batch.keyFrames.join(',')}`);
    // Frames on each side of the cut score like per-frame (propagated across the cut they would not).
    const near = [11, 12, 13, 14];
    const score = (labels: LabelMap[]) => miou(near.map((i) => labels[i]!), near.map((i) => cut[i]!));
    assert.ok(score(batch.labels) >= score(pf.labels) - 0.05, `batch ${score(batch.labels).toFixed(3)} vs per-frame ${score(pf.labels).toFixed(3)}`);
    const gaps = batch.keyFrames.slice(1).map((k, i) => k - batch.keyFrames[i]!);
    assert.ok(Math.max(...gaps) <= 10);
    assert.equal(batch.outputs.filter((o) => o.key).every((o) => o.timings.high > 0), true);
  });

  test('low latency: a triggered key frame is answered from propagation, its high stage runs alongside', async () => {
    const low = await runMode(split, cut, { mode: 'adaptive', targetInterval: 5, maxInterval: 10, lowLatency: true });
    assert.ok(low.keyFrames.length >= 3);
    for (const o of low.outputs.filter((x) => x.key && x.index > 0)) assert.equal(o.timings.high, 0, `frame ${o.index}`);
  });
});

describe('adaptive, when the key stage starts', () => {
  const cut = generateSequence({ width: 160, height: 96, frames: 24, sceneCutAt: [13] });

  for (const callAnswered of [true, false]) {
    test(`low latency: a new key's high stage starts after its frame is answered (${callAnswered ? 'at answered()' : 'at the next push, without answered()'}), on a copy of that frame's input`, async () => {
      const log: string[] = [];
      const inputs: Float32Array[] = [];
      const spy: ModelBundle = {
        ...split,
        highAlongside: async (x, low) => {
          log.push('high');
          inputs.push(x.slice());
          return split.high(x, low);
        },
      };
      const mode = createMode(spy, { ...MODE_DEFAULTS, mode: 'adaptive', targetInterval: 5, maxInterval: 10, lowLatency: true });
      const fsize = flowSizeFor(split.manifest.input.width, split.manifest.input.height, MODE_DEFAULTS.flowScale);
      // One input buffer reused for every frame, as the pipeline does.
      let scratch: Float32Array | undefined;
      const expected = new Map<number, Float32Array>();
      for (const f of cut) {
        scratch = split.preprocess({ width: 160, height: 96, data: f.rgba }, scratch);
        const input = scratch;
        const [o] = await mode.push({ index: f.index, input: () => input, gray: flowGray(f.rgba, 160, 96, fsize) });
        log.push(`pushed ${f.index}${o!.key && f.index > 0 ? ' key' : ''}`);
        if (o!.key && f.index > 0) expected.set(f.index, scratch.slice());
        if (callAnswered) {
          log.push('answer');
          mode.answered?.();
        }
        await new Promise((r) => setImmediate(r));
      }
      await mode.flush();
      const triggered = log.filter((l) => l.endsWith(' key'));
      assert.ok(triggered.length >= 2, log.join(', '));
      assert.equal(log.filter((l) => l === 'high').length, triggered.length);
      for (const t of triggered) {
        const at = log.indexOf(t);
        // The triggered frame is answered first; then its high stage, in answered() or at the next push.
        assert.deepEqual(log.slice(at + 1, at + 3), callAnswered ? ['answer', 'high'] : ['high', `pushed ${Number(t.split(' ')[1]) + 1}`], log.slice(at, at + 4).join(', '));
      }
      // Each high stage saw its own frame's input, though the buffer was overwritten since.
      [...expected.values()].forEach((x, i) => assert.deepEqual(inputs[i], x));
    });
  }
});

describe('adaptive, slow key stage', () => {
  const cut = generateSequence({ width: 160, height: 96, frames: 24, sceneCutAt: [13] });

  test('a key stage that answers 4 frames late: nothing triggers while it is in flight, the cut behind it is caught when it arrives, the delay is reported', async () => {
    // The split bundle's high stage "on its own thread", answered only 3 pushes after it started.
    let started: ((v: void) => void)[] = [];
    const slow: ModelBundle = {
      ...split,
      highAlongside: async (x, low) => {
        await new Promise<void>((r) => started.push(r));
        return split.high(x, low);
      },
    };
    const mode = createMode(slow, { ...MODE_DEFAULTS, mode: 'adaptive', targetInterval: 5, maxInterval: 10, lowLatency: true });
    const fsize = flowSizeFor(split.manifest.input.width, split.manifest.input.height, MODE_DEFAULTS.flowScale);
    const waits: ((v: void) => void)[][] = [];
    const keys: number[] = [];
    for (const f of cut) {
      // Release the high stages started 3 pushes ago.
      waits.push(started);
      started = [];
      if (waits.length > 3) for (const r of waits.shift()!) r();
      await new Promise((r) => setImmediate(r));
      const [o] = await mode.push({ index: f.index, input: () => split.preprocess({ width: 160, height: 96, data: f.rgba }), gray: flowGray(f.rgba, 160, 96, fsize) });
      mode.answered?.();
      if (o!.key) keys.push(o!.index);
    }
    for (const w of [...waits, started]) for (const r of w) r();
    await mode.flush();
    const info = mode.info();
    // The key triggered at 12 is in flight over the cut at 13; the frame it arrives at (16) is
    // measured against it, across the cut, and triggers the next key at once.
    assert.ok(keys.includes(12) && keys.includes(16), `keys ${keys.join(',')}`);
    assert.ok(Number(info.keySwitchFramesMax) >= 3, JSON.stringify(info));
    assert.ok(Number(info.keySwitchFramesMean) >= 3, JSON.stringify(info));
    // While a key is in flight nothing is triggered: consecutive triggers are at least 3 frames apart.
    const gaps = keys.slice(1).map((k, i) => k - keys[i]!);
    assert.ok(Math.min(...gaps) >= 3, `keys ${keys.join(',')}`);
  });
});

describe('fused', () => {
  const seq = generateSequence({ width: 160, height: 96, frames: 16, speed: 1, cars: 8 });
  const tc = (L: LabelMap[]): number => {
    let s = 0;
    for (let t = 1; t < L.length; t++) s += temporalConsistencyPair(L[t]!, L[t - 1]!, seq[t]!.flowToPrev!, { classes: 11 });
    return s / (L.length - 1);
  };

  for (const fusion of ['causal', 'bidirectional'] as const) {
    test(`${fusion} fusion raises TC without lowering mIoU on flickering per-frame labels`, async () => {
      const noisy = noisyBundle(split, 0.1);
      const pf = await runMode(noisy, seq, { mode: 'per-frame' });
      const fused = await runMode(noisy, seq, { mode: 'fused', fusion, window: 6 });
      assert.deepEqual(fused.outputs.map((o) => o.index), seq.map((f) => f.index));
      const [tPf, tF] = [tc(pf.labels), tc(fused.labels)];
      const [mPf, mF] = [miou(pf.labels, seq), miou(fused.labels, seq)];
      assert.ok(tF >= tPf + 0.02, `TC fused ${tF.toFixed(3)} vs per-frame ${tPf.toFixed(3)}`);
      assert.ok(mF >= mPf - 0.005, `mIoU fused ${mF.toFixed(3)} vs per-frame ${mPf.toFixed(3)}`);
    });
  }
});
