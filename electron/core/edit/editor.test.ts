import test from 'node:test';
import assert from 'node:assert/strict';
import { Editor } from './editor.ts';
import { EditHistory } from './history.ts';
import { blank, rowsOf } from './test-helpers.ts';
import type { FlowField, LabelMap } from '../types.ts';

function flowOf(w: number, h: number, dx: number): FlowField {
  const data = new Float32Array(w * h * 2);
  for (let i = 0; i < w * h; i++) data[2 * i] = dx;
  return { width: w, height: h, data };
}

test('a brush drag is one undo step; undo and redo report the frames to redraw', () => {
  const frames: LabelMap[] = [blank(16, 8), blank(16, 8)];
  const ed = new Editor({ labels: (f) => frames[f], ignoreIndex: 11 });
  ed.beginStroke(1, { x: 1, y: 4 }, 1.5, 5);
  for (let x = 3; x < 16; x += 4) assert.deepEqual(ed.moveStroke({ x, y: 4 }).frames, [1]);
  assert.deepEqual(ed.endStroke().frames, [1]);
  const painted = rowsOf(frames[1]!);
  assert.equal(ed.history.undoLabels.length, 1);
  assert.deepEqual(ed.undo().frames, [1]);
  assert.deepEqual(rowsOf(frames[1]!), rowsOf(blank(16, 8)));
  ed.redo();
  assert.deepEqual(rowsOf(frames[1]!), painted);
  assert.deepEqual(ed.undo().frames, [1]);
  assert.deepEqual(ed.undo().frames, []);
});

test('cancelStroke reverts the drag and records nothing; erase writes the ignore index', () => {
  const frames = [blank(8, 8, 2)];
  const ed = new Editor({ labels: (f) => frames[f], ignoreIndex: 11 }, {}, new EditHistory());
  ed.beginStroke(0, { x: 4, y: 4 }, 2, null);
  assert.ok(frames[0]!.data.includes(11));
  ed.cancelStroke();
  assert.ok(!frames[0]!.data.includes(11));
  assert.equal(ed.history.canUndo, false);
});

test('propagate applies the correction to neighbours as one step', () => {
  const frames = [blank(12, 4), blank(12, 4), blank(12, 4)];
  const fwd = flowOf(12, 4, 1);
  const bwd = flowOf(12, 4, -1);
  const ed = new Editor({ labels: (f) => frames[f], ignoreIndex: 11, flow: (a, b) => (b > a ? fwd : bwd) });
  ed.run({ kind: 'polygon', frame: 0, points: [{ x: 2, y: 1 }, { x: 4, y: 1 }, { x: 4, y: 3 }, { x: 2, y: 3 }], classId: 7 });
  const corr = ed.history.peekUndo()!.diffs[0]!;
  assert.equal(ed.previewPropagation(corr, { forward: 2 }).length, 2);
  assert.ok(frames[2]!.data.every((v) => v === 0));
  assert.deepEqual(ed.propagate(corr, { forward: 2 }).frames, [1, 2]);
  assert.equal(frames[2]!.data[1 * 12 + 4], 7);
  assert.deepEqual(ed.undo().frames, [1, 2]);
  assert.ok(frames[2]!.data.every((v) => v === 0));
});
