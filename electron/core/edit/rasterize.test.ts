import test from 'node:test';
import assert from 'node:assert/strict';
import { strokeSpans } from './brush.ts';
import { polygonSpans } from './polygon.ts';
import { floodFillSpans } from './flood-fill.ts';
import { spansToDiff } from './spans.ts';
import { applyDiff } from './diff.ts';
import { blank, labelsFrom, rowsOf } from './test-helpers.ts';

function paint(w: number, h: number, spans: ReturnType<typeof strokeSpans>): string[] {
  const l = blank(w, h);
  applyDiff(l, spansToDiff(l, 0, spans, 1));
  return rowsOf(l);
}

test('a single brush point stamps a disc of pixel centres within the radius', () => {
  assert.deepEqual(paint(5, 5, strokeSpans([{ x: 2.5, y: 2.5 }], 1.2, 5, 5)), ['00000', '00100', '01110', '00100', '00000']);
});

test('a fast brush drag leaves no gaps between distant points', () => {
  const rows = paint(20, 3, strokeSpans([{ x: 0.5, y: 1.5 }, { x: 19.5, y: 1.5 }], 0.6, 20, 3));
  assert.equal(rows[1], '1'.repeat(20));
  assert.equal(rows[0], '0'.repeat(20));
  // diagonal: every row between the endpoints is hit, and each row is 4-connected to the next
  const diag = paint(30, 30, strokeSpans([{ x: 1, y: 1 }, { x: 29, y: 28 }], 1, 30, 30));
  for (let y = 1; y < 28; y++) assert.ok(diag[y]!.includes('1'), `row ${y} painted`);
});

test('brush stroke is clipped to the image', () => {
  const rows = paint(4, 4, strokeSpans([{ x: -3, y: -3 }, { x: 0.5, y: 0.5 }], 1, 4, 4));
  assert.equal(rows[0]![0], '1');
  assert.equal(rows[3], '0000');
});

test('polygon fill covers exactly the pixel centres inside an axis-aligned square', () => {
  const sq = [{ x: 1, y: 1 }, { x: 4, y: 1 }, { x: 4, y: 3 }, { x: 1, y: 3 }];
  assert.deepEqual(paint(6, 5, polygonSpans(sq, 6, 5)), ['000000', '011100', '011100', '000000', '000000']);
});

test('even-odd leaves a self-overlapping star centre empty, nonzero fills it', () => {
  // Outer square traversed twice with the same orientation: winding 2 inside.
  const loop = [{ x: 0, y: 0 }, { x: 4, y: 0 }, { x: 4, y: 4 }, { x: 0, y: 4 }, { x: 0, y: 0 }, { x: 4, y: 0 }, { x: 4, y: 4 }, { x: 0, y: 4 }];
  assert.deepEqual(paint(4, 4, polygonSpans(loop, 4, 4, 'evenodd')), ['0000', '0000', '0000', '0000']);
  assert.deepEqual(paint(4, 4, polygonSpans(loop, 4, 4, 'nonzero')), ['1111', '1111', '1111', '1111']);
});

test('flood fill takes the 4-connected same-class region only', () => {
  const l = labelsFrom(['00100', '01100', '10001', '00011']);
  const spans = floodFillSpans(l, 0, 0);
  const d = spansToDiff(l, 0, spans, 7);
  applyDiff(l, d);
  // (0,2) is diagonal-only to the region and stays 1; the right-side zeros are not connected
  assert.deepEqual(rowsOf(l), ['77100', '71100', '10001', '00011']);
  const again = floodFillSpans(l, 3, 0);
  assert.equal(again.pixelCount(), 10);
});

test('flood fill of a whole frame and outside seeds', () => {
  const l = blank(64, 48, 3);
  assert.equal(floodFillSpans(l, 10, 10).pixelCount(), 64 * 48);
  assert.ok(floodFillSpans(l, -1, 0).isEmpty);
});
