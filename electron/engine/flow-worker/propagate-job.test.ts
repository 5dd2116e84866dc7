import test from 'node:test';
import assert from 'node:assert/strict';
import { DiffBuilder } from '../../core/edit/index.ts';
import type { FlowField, LabelMap } from '../../core/types.ts';
import { encodeGray8 } from '../segment/png.ts';
import type { JobLabels, PropagateJob } from './protocol.ts';
import { jobLabelMap, runPropagateJob } from './propagate-job.ts';

const W = 32;
const H = 24;

const labelsOf = (v: number): LabelMap => ({ width: W, height: H, data: new Uint8Array(W * H).fill(v) });
/** Flow of 2 px to the right everywhere. */
const shift: FlowField = { width: W, height: H, data: new Float32Array(W * H * 2).map((_, i) => (i % 2 === 0 ? 2 : 0)) };

function job(labels: [number, JobLabels][]): PropagateJob {
  const b = new DiffBuilder(labelsOf(3), 0);
  for (let y = 8; y < 12; y++) for (let x = 8; x < 12; x++) b.set(y * W + x, 8);
  const occluded = new Uint8Array(W * H);
  return { correction: b.finish(), forward: 2, backward: 0, labels, steps: [{ a: 0, b: 1, flow: shift, occluded }, { a: 1, b: 2, flow: shift, occluded }], skip: [] };
}

const png = (l: LabelMap): Uint8Array => new Uint8Array(encodeGray8(l.width, l.height, l.data));

test('label PNGs in a job are decoded in the thread and give the same preview as label maps', () => {
  const fromMaps = runPropagateJob(job([[1, labelsOf(3)], [2, labelsOf(3)]]));
  const fromPngs = runPropagateJob(job([[1, { png: png(labelsOf(3)), lut: null }], [2, { png: png(labelsOf(3)), lut: null }]]));
  assert.equal(fromMaps.length, 2);
  assert.deepEqual(fromPngs, fromMaps);
});

test('a PNG is mapped through its class LUT; an unreadable one leaves its frame out', () => {
  const lut = new Uint8Array(256).map((_, i) => i);
  lut[5] = 3;
  assert.deepEqual(jobLabelMap({ png: png(labelsOf(5)), lut }), labelsOf(3));
  assert.equal(jobLabelMap({ png: new Uint8Array([1, 2, 3]), lut: null }), undefined);
  const out = runPropagateJob(job([[1, { png: new Uint8Array([1, 2, 3]), lut: null }], [2, labelsOf(3)]]));
  assert.deepEqual(out.map((d) => d.frame), [], 'nothing is carried past a frame without labels');
});
