import test from 'node:test';
import assert from 'node:assert/strict';
import { computeSuperpixels } from './superpixels.ts';
import { similarRun, superpixelAt, superpixelSpans, superpixelsUnder } from './select.ts';
import { SpanList } from '../edit/spans.ts';
import { applyChange, computeChange } from '../edit/commands.ts';
import { image } from './test-images.ts';

// four vertical bands: gray, a slightly lighter gray, red, gray again
const BANDS = [[110, 110, 110], [118, 118, 118], [200, 30, 40], [110, 110, 110]] as const;
const band = (x: number): number => Math.min(3, Math.floor(x / 40));
const img = image(160, 64, (x) => BANDS[band(x)]!, 3);
const sp = computeSuperpixels(img.data, img.width, img.height, { size: 16 });

const bandsOf = (ids: number[]): Set<number> => {
  const out = new Set<number>();
  for (const k of ids) for (let r = sp.runStart[k]!; r < sp.runStart[k + 1]!; r++) out.add(band(sp.runs[r * 3 + 1]!));
  return out;
};

test('Shift-click run: similar touching superpixels join, a different colour stops it, the same colour beyond is not reached', () => {
  const seed = superpixelAt(sp, 10, 30);
  const run = similarRun(sp, seed);
  assert.deepEqual([...bandsOf(run)].sort(), [0, 1]);
  const covered = superpixelSpans(sp, run).pixelCount();
  assert.equal(covered, 80 * 64, 'the two gray bands, all of them');
  assert.deepEqual([...bandsOf(similarRun(sp, seed, 1.5))], [0], 'a threshold under the two grays\' ΔE (about 3) keeps the first band');
  assert.deepEqual(similarRun(sp, -1), []);
});

test('a brush touching superpixels reports each one once, and the whole superpixel is painted', () => {
  const taken = new Set<number>();
  const spans = new SpanList(sp.width, sp.height);
  spans.add(30, 5, 6);
  const first = superpixelsUnder(sp, spans, taken);
  assert.deepEqual(first, [superpixelAt(sp, 5, 30)]);
  assert.deepEqual(superpixelsUnder(sp, spans, taken), [], 'already painted in this stroke');
  const labels = { width: sp.width, height: sp.height, data: new Uint8Array(sp.width * sp.height) };
  const change = computeChange({ kind: 'superpixel', frame: 0, superpixels: sp, ids: first, classId: 7 }, { labels: () => labels, ignoreIndex: 255 });
  applyChange(() => labels, change.diffs);
  for (let i = 0; i < labels.data.length; i++) assert.equal(labels.data[i], sp.labels[i] === first[0] ? 7 : 0);
});

test('a superpixel command refuses superpixels of another size', () => {
  const labels = { width: 10, height: 10, data: new Uint8Array(100) };
  assert.throws(() => computeChange({ kind: 'superpixel', frame: 0, superpixels: sp, ids: [0], classId: 1 }, { labels: () => labels, ignoreIndex: 255 }), /superpixels are 160×64, labels 10×10/);
});
