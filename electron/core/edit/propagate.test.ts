import test from 'node:test';
import assert from 'node:assert/strict';
import { previewPropagation } from './propagate.ts';
import { computeChange, applyChange, type EditContext } from './commands.ts';
import { diffPixelCount, forEachDiffPixel } from './diff.ts';
import { EditHistory } from './history.ts';
import { blank } from './test-helpers.ts';
import type { FlowField, LabelMap } from '../types.ts';

function constFlow(w: number, h: number, dx: number, dy: number): FlowField {
  const data = new Float32Array(w * h * 2);
  for (let i = 0; i < w * h; i++) {
    data[2 * i] = dx;
    data[2 * i + 1] = dy;
  }
  return { width: w, height: h, data };
}

const W = 24;
const H = 10;

function setup(): { frames: LabelMap[]; ctx: EditContext } {
  const frames = [0, 1, 2, 3, 4].map(() => blank(W, H));
  const right = constFlow(W, H, 2, 0);
  const left = constFlow(W, H, -2, 0);
  const ctx: EditContext = {
    labels: (f) => frames[f],
    ignoreIndex: 11,
    flow: (from, to) => (from >= 0 && to >= 0 && from < 5 && to < 5 ? (to > from ? right : left) : undefined),
  };
  return { frames, ctx };
}

test('propagation carries a correction along the flow to the next and previous frames', () => {
  const { ctx } = setup();
  const corr = computeChange({ kind: 'polygon', frame: 2, points: [{ x: 10, y: 3 }, { x: 12, y: 3 }, { x: 12, y: 5 }, { x: 10, y: 5 }], classId: 6 }, ctx).diffs[0]!;
  const proposals = previewPropagation(corr, ctx.flow!, ctx.labels, { forward: 2, backward: 2 });
  assert.deepEqual(proposals.map((d) => d.frame), [0, 1, 3, 4]);
  const xsOf = (frame: number) => {
    const xs = new Set<number>();
    forEachDiffPixel(proposals.find((d) => d.frame === frame)!, (off, _o, n) => {
      assert.equal(n, 6);
      xs.add(off % W);
    });
    return [...xs].sort((a, b) => a - b);
  };
  assert.deepEqual(xsOf(3), [12, 13]);
  assert.deepEqual(xsOf(4), [14, 15]);
  // backward: frame 1 content moved right by 2 to reach frame 2, so it sits 2 px left
  assert.deepEqual(xsOf(1), [8, 9]);
  assert.deepEqual(xsOf(0), [6, 7]);
});

test('pixels failing the forward-backward check (occluded) are not propagated', () => {
  const { ctx } = setup();
  const fwd = constFlow(W, H, 3, 0);
  const badBack = constFlow(W, H, 0, 0); // backward flow disagrees: everything looks occluded
  const corr = computeChange({ kind: 'brush', frame: 0, points: [{ x: 5.5, y: 5.5 }], radius: 1.5, classId: 2 }, ctx).diffs[0]!;
  const out = previewPropagation(corr, (a, b) => (b > a ? fwd : badBack), ctx.labels, { forward: 2 });
  assert.equal(out.length, 0);
  const ok = previewPropagation(corr, (a, b) => (b > a ? fwd : constFlow(W, H, -3, 0)), ctx.labels, { forward: 1 });
  assert.equal(ok.length, 1);
  assert.equal(diffPixelCount(ok[0]!), diffPixelCount(corr));
});

test('propagate command applies all frames as one undo step and preview leaves frames untouched', () => {
  const { frames, ctx } = setup();
  const corr = computeChange({ kind: 'brush', frame: 1, points: [{ x: 4, y: 4 }], radius: 1.5, classId: 9 }, ctx).diffs[0]!;
  previewPropagation(corr, ctx.flow!, ctx.labels, { forward: 3 });
  assert.ok(frames.every((f) => f.data.every((v) => v === 0)));
  const c = computeChange({ kind: 'propagate', correction: corr, forward: 3, backward: 1 }, ctx);
  assert.deepEqual(c.diffs.map((d) => d.frame), [0, 2, 3, 4]);
  applyChange(ctx.labels, c.diffs);
  const h = new EditHistory();
  h.record(c);
  assert.equal(h.undoLabels.length, 1);
  assert.ok(frames[4]!.data.some((v) => v === 9));
});

test('propagation stops where the flow runs out and never writes skipped frames', () => {
  const { ctx } = setup();
  const corr = computeChange({ kind: 'brush', frame: 3, points: [{ x: 4, y: 4 }], radius: 1.5, classId: 9 }, ctx).diffs[0]!;
  const out = previewPropagation(corr, ctx.flow!, ctx.labels, { forward: 5, backward: 2, skipFrame: (f) => f === 2 });
  assert.deepEqual(out.map((d) => d.frame), [1, 4]);
});

test('half-resolution flow is sampled at the scaled position and its vectors scaled up', () => {
  const { ctx } = setup();
  const half = constFlow(W / 2, H / 2, 1, 0); // 1 px at half size = 2 px at label size
  const back = constFlow(W / 2, H / 2, -1, 0);
  const corr = computeChange({ kind: 'brush', frame: 0, points: [{ x: 4.5, y: 4.5 }], radius: 0.5, classId: 3 }, ctx).diffs[0]!;
  const out = previewPropagation(corr, (a, b) => (b > a ? half : back), ctx.labels, { forward: 2 });
  const offs: number[] = [];
  for (const d of out) forEachDiffPixel(d, (o) => offs.push(o));
  assert.deepEqual(offs, [4 * W + 6, 4 * W + 8]);
});

test('a precomputed occlusion mask (engine occlusionMask) replaces the built-in check', () => {
  const { ctx } = setup();
  const corr = computeChange({ kind: 'brush', frame: 0, points: [{ x: 4.5, y: 4.5 }, { x: 6.5, y: 4.5 }], radius: 0.5, classId: 3 }, ctx).diffs[0]!;
  const mask = new Uint8Array(W * H);
  mask[4 * W + 4] = 1; // the first pixel is occluded going 0 → 1
  const out = previewPropagation(corr, ctx.flow!, ctx.labels, { forward: 1, occlusion: (a) => (a === 0 ? mask : undefined) });
  assert.equal(diffPixelCount(out[0]!), 2);
});

/** Flow that doubles every distance from column `cx` (from→to), and its exact inverse. */
function stretch(cx: number): { fwd: FlowField; bwd: FlowField } {
  const fwd = constFlow(W, H, 0, 0);
  const bwd = constFlow(W, H, 0, 0);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      fwd.data[2 * (y * W + x)] = x + 0.5 - cx;
      bwd.data[2 * (y * W + x)] = -(x + 0.5 - cx) / 2;
    }
  }
  return { fwd, bwd };
}

test('a region the flow stretches arrives solid, without 1-pixel holes', () => {
  const { ctx } = setup();
  const { fwd, bwd } = stretch(12);
  const corr = computeChange({ kind: 'polygon', frame: 0, points: [{ x: 10, y: 3 }, { x: 14, y: 3 }, { x: 14, y: 6 }, { x: 10, y: 6 }], classId: 5 }, ctx).diffs[0]!;
  const [d] = previewPropagation(corr, (a, b) => (b > a ? fwd : bwd), ctx.labels, { forward: 1 });
  const rows = new Map<number, number[]>();
  forEachDiffPixel(d!, (off) => rows.set(Math.floor(off / W), [...(rows.get(Math.floor(off / W)) ?? []), off % W]));
  assert.ok(rows.size > 0);
  // 4 columns (10..13) doubled about 12: columns 8..15, every one of them
  for (const xs of rows.values()) assert.deepEqual(xs, [8, 9, 10, 11, 12, 13, 14, 15]);
});

test('slow motion accumulates: half a pixel per frame moves the region 4 px in 8 frames', () => {
  const frames = Array.from({ length: 9 }, () => blank(W, H));
  const right = constFlow(W, H, 0.5, 0);
  const left = constFlow(W, H, -0.5, 0);
  const ctx: EditContext = { labels: (f) => frames[f], ignoreIndex: 11, flow: (a, b) => (b > a ? right : left) };
  const corr = computeChange({ kind: 'polygon', frame: 0, points: [{ x: 4, y: 2 }, { x: 8, y: 2 }, { x: 8, y: 4 }, { x: 4, y: 4 }], classId: 7 }, ctx).diffs[0]!;
  const out = previewPropagation(corr, ctx.flow!, ctx.labels, { forward: 8 });
  const xs = new Set<number>();
  forEachDiffPixel(out.find((d) => d.frame === 8)!, (off) => xs.add(off % W));
  assert.deepEqual([...xs].sort((a, b) => a - b), [8, 9, 10, 11]);
});
