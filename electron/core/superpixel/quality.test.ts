import test from 'node:test';
import assert from 'node:assert/strict';
import { boundaryRecall, superpixelQuality, undersegmentationError } from './quality.ts';
import { computeSuperpixels } from './superpixels.ts';
import { image } from './test-images.ts';
import { CAMVID_SKIP, camvidTrainFrames, measureQuality, scaleFrame } from './test-helpers.ts';

/** A width × height map whose id is `id(x, y)`. */
function map(width: number, height: number, id: (x: number, y: number) => number): Int32Array {
  return Int32Array.from({ length: width * height }, (_, i) => id(i % width, Math.floor(i / width)));
}

test('the measures: a perfect segmentation, one superpixel for everything, and a boundary 2 px off', () => {
  const truth = map(20, 6, (x) => (x < 10 ? 0 : 1));
  assert.deepEqual(superpixelQuality(truth, 2, truth, 20, 6), { boundaryRecall: 1, undersegmentationError: 0 });
  const one = new Int32Array(120);
  assert.deepEqual(superpixelQuality(one, 1, truth, 20, 6), { boundaryRecall: 0, undersegmentationError: 1 });
  const off = map(20, 6, (x) => (x < 12 ? 0 : 1));
  assert.equal(boundaryRecall(off, truth, 20, 6, { tolerance: 2 }), 1);
  assert.equal(boundaryRecall(off, truth, 20, 6, { tolerance: 1 }), 0);
  // superpixel 0 takes 2 columns of region 1: it leaks min(10, 2) into one region and min(2, 10) into the other
  assert.equal(undersegmentationError(off, 2, truth), (2 + 2) / 20);
});

test('the measures leave the ignored (void) label out', () => {
  const truth = map(20, 4, (x) => (x < 8 ? 0 : x < 12 ? 11 : 1));
  const labels = map(20, 4, (x) => (x < 4 ? 0 : 1));
  // no boundary between a region and void counts, and void pixels leak nothing: superpixel 1
  // holds 4 columns of region 0 and 8 of region 1 (min 4, twice), over 16 non-void columns
  assert.equal(boundaryRecall(labels, truth, 20, 4, { ignore: 11 }), 1);
  assert.equal(undersegmentationError(labels, 2, truth, { ignore: 11 }), (4 + 4) / 16);
  assert.equal(boundaryRecall(labels, truth, 20, 4), 0);
});

test('superpixels of a noisy synthetic scene find its boundaries and hardly leak', () => {
  // a sky band, two buildings, a 3-pixel pole and a disc (a sign) over a road, noise ±10
  const region = (x: number, y: number): number =>
    (x - 230) ** 2 + (y - 60) ** 2 < 400 ? 4 : x >= 150 && x < 153 ? 3 : y < 50 ? 0 : y < 120 ? (x < 100 ? 1 : 2) : 5;
  const colours: [number, number, number][] = [[140, 170, 210], [150, 110, 90], [110, 110, 125], [60, 60, 60], [200, 40, 40], [95, 95, 100]];
  const img = image(320, 180, (x, y) => colours[region(x, y)]!, 10);
  const truth = map(320, 180, region);
  const sp = computeSuperpixels(img.data, img.width, img.height, { size: 16 });
  const q = superpixelQuality(sp.labels, sp.count, truth, img.width, img.height, { tolerance: 1 });
  assert.ok(q.boundaryRecall >= 0.97, `boundary recall ${q.boundaryRecall}`);
  assert.ok(q.undersegmentationError <= 0.02, `undersegmentation error ${q.undersegmentationError}`);
});

/**
 * Floors from the measures of the SLIC before the 2026-12-03 speed-up (docs/bench-results.md),
 * less a margin well under a visible change: boundary recall may not drop by more than 0.01,
 * the undersegmentation error may not grow by more than a tenth.
 */
const CAMVID_FLOORS = [
  { size: 8, recall: 0.9745, error: 0.0647 },
  { size: 16, recall: 0.8131, error: 0.1091 },
  { size: 32, recall: 0.5936, error: 0.1808 },
];

test('real frames (8 CamVid train images, 480 × 360): boundary recall and undersegmentation error keep their level', { skip: CAMVID_SKIP }, () => {
  const frames = camvidTrainFrames(8);
  for (const f of CAMVID_FLOORS) {
    const q = measureQuality(frames, f.size, 2);
    assert.ok(q.boundaryRecall >= f.recall - 0.01, `size ${f.size}: boundary recall ${q.boundaryRecall.toFixed(4)} (was ${f.recall})`);
    assert.ok(q.undersegmentationError <= f.error * 1.1, `size ${f.size}: undersegmentation error ${q.undersegmentationError.toFixed(4)} (was ${f.error})`);
  }
});

test('real frames at 1920 × 1080 (3 CamVid train images scaled): the quality of the size the bench times', { skip: CAMVID_SKIP }, () => {
  const frames = camvidTrainFrames(8).slice(0, 3).map((f) => scaleFrame(f, 1920, 1080));
  const q = measureQuality(frames, 16, 4);
  assert.ok(q.boundaryRecall >= 0.9463 - 0.01, `boundary recall ${q.boundaryRecall.toFixed(4)}`);
  assert.ok(q.undersegmentationError <= 0.039 * 1.1, `undersegmentation error ${q.undersegmentationError.toFixed(4)}`);
});
