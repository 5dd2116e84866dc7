import test from 'node:test';
import assert from 'node:assert/strict';
import { EditHistory } from './history.ts';
import { applyChange, computeChange, revertChange, type EditContext } from './commands.ts';
import { blank, legacyJSON, rowsOf } from './test-helpers.ts';
import type { LabelMap } from '../types.ts';

function ctxOf(frames: LabelMap[]): EditContext {
  return { labels: (f) => frames[f], ignoreIndex: 11 };
}

test('a brush drag in a transaction is one undo step, and undo/redo restore frames exactly', () => {
  const frames = [blank(12, 6)];
  const ctx = ctxOf(frames);
  const h = new EditHistory();
  const pts = [{ x: 1, y: 3 }, { x: 4, y: 3 }, { x: 8, y: 2 }, { x: 11, y: 4 }];
  h.begin('brush');
  for (let i = 1; i < pts.length; i++) {
    const c = computeChange({ kind: 'brush', frame: 0, points: [pts[i - 1]!, pts[i]!], radius: 1.5, classId: 4 }, ctx);
    applyChange(ctx.labels, c.diffs);
    h.extend(c);
  }
  const entry = h.commit();
  assert.ok(entry);
  assert.equal(entry.diffs.length, 1);
  const painted = rowsOf(frames[0]!);
  assert.equal(h.undoLabels.length, 1);
  const u = h.undo()!;
  revertChange(ctx.labels, u.diffs);
  assert.deepEqual(rowsOf(frames[0]!), rowsOf(blank(12, 6)));
  const r = h.redo()!;
  applyChange(ctx.labels, r.diffs);
  assert.deepEqual(rowsOf(frames[0]!), painted);
});

test('erase writes the ignore index; a new edit clears the redo stack', () => {
  const frames = [blank(5, 5, 2)];
  const ctx = ctxOf(frames);
  const h = new EditHistory();
  const c = computeChange({ kind: 'erase', frame: 0, points: [{ x: 2.5, y: 2.5 }], radius: 0.6 }, ctx);
  applyChange(ctx.labels, c.diffs);
  h.record(c);
  assert.equal(frames[0]!.data[12], 11);
  revertChange(ctx.labels, h.undo()!.diffs);
  assert.ok(h.canRedo);
  const f = computeChange({ kind: 'floodFill', frame: 0, x: 0, y: 0, classId: 1 }, ctx);
  applyChange(ctx.labels, f.diffs);
  h.record(f);
  assert.equal(h.canRedo, false);
});

test('empty changes do not enter history', () => {
  const frames = [blank(4, 4, 1)];
  const ctx = ctxOf(frames);
  const h = new EditHistory();
  const c = computeChange({ kind: 'floodFill', frame: 0, x: 1, y: 1, classId: 1 }, ctx);
  assert.equal(c.history, false);
  h.record(c);
  assert.equal(h.canUndo, false);
});

test('history drops the oldest steps past its byte budget but keeps the newest', () => {
  const frames = [blank(100, 100)];
  const ctx = ctxOf(frames);
  const h = new EditHistory({ maxBytes: 3000 });
  for (let i = 0; i < 10; i++) {
    const c = computeChange({ kind: 'polygon', frame: 0, points: [{ x: 0, y: 0 }, { x: 100, y: 0 }, { x: 100, y: 10 }, { x: 0, y: 10 }], classId: i + 1 }, ctx);
    applyChange(ctx.labels, c.diffs);
    h.record(c);
  }
  assert.ok(h.bytes <= 3000 || h.undoLabels.length === 1);
  assert.ok(h.undoLabels.length < 10 && h.undoLabels.length >= 1);
});

test('a legacy history.json is read back, and the restored history undoes the same way', () => {
  const frames = [blank(8, 8), blank(8, 8)];
  const ctx = ctxOf(frames);
  const h = new EditHistory();
  for (const [frame, cls] of [[0, 3], [1, 5], [0, 6]] as const) {
    const c = computeChange({ kind: 'brush', frame, points: [{ x: cls, y: cls }], radius: 2, classId: cls }, ctx);
    applyChange(ctx.labels, c.diffs);
    h.record(c);
  }
  revertChange(ctx.labels, h.undo()!.diffs);
  const json = JSON.parse(JSON.stringify(legacyJSON(h)));
  const h2 = EditHistory.fromJSON(json);
  assert.equal(h2.canRedo, true);
  assert.equal(h2.bytes, h.bytes);
  revertChange(ctx.labels, h2.undo()!.diffs);
  revertChange(ctx.labels, h2.undo()!.diffs);
  assert.deepEqual(frames[0]!.data, blank(8, 8).data);
  assert.deepEqual(frames[1]!.data, blank(8, 8).data);
  assert.throws(() => EditHistory.fromJSON({ version: 2 }), /version/);
});

test('steps() and fromSteps() carry the committed steps as typed arrays; an inconsistent diff is refused', () => {
  const frames = [blank(8, 8)];
  const ctx = ctxOf(frames);
  const h = new EditHistory();
  for (const cls of [3, 5]) {
    const c = computeChange({ kind: 'brush', frame: 0, points: [{ x: cls, y: cls }], radius: 2, classId: cls }, ctx);
    applyChange(ctx.labels, c.diffs);
    h.record(c, `brush ${cls}`);
  }
  h.undo();
  const steps = h.steps();
  assert.deepEqual([steps.undo.map((e) => e.label), steps.redo.map((e) => e.label)], [['brush 3'], ['brush 5']]);
  assert.ok(steps.undo[0]!.diffs[0]!.runs instanceof Uint32Array);
  const h2 = EditHistory.fromSteps(steps);
  assert.deepEqual(h2.steps(), steps);
  assert.equal(h2.bytes, h.bytes);
  const bad = { ...steps.undo[0]!.diffs[0]!, oldValues: new Uint8Array(1) };
  assert.throws(() => EditHistory.fromSteps({ undo: [{ label: 'x', at: 0, diffs: [bad] }], redo: [] }), /oldValues/);
});
