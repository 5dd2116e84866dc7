import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EditSession, MAX_CACHED_FRAMES } from './edit-session.ts';

const labels = () => ({ width: 8, height: 4, data: new Uint8Array(32).fill(1) });
const noop = { onCorrections: () => undefined, onHistory: () => undefined, onError: () => undefined };

test('the label cache keeps the newest frames; Esc during a drag reverts it and records nothing', () => {
  let sent = 0;
  const s = new EditSession(255, { apply: async () => (sent++, []) }, noop);
  assert.equal(s.ready, false, 'no edits before the saved history is loaded');
  s.adoptHistory(null);
  s.setTrack('t');
  for (let f = 0; f < MAX_CACHED_FRAMES + 8; f++) s.setLabels(f, labels());
  assert.equal(s.labelsOf(0), undefined);
  assert.ok(s.labelsOf(MAX_CACHED_FRAMES + 7));
  const f = MAX_CACHED_FRAMES;
  s.beginStroke(f, { x: 2.5, y: 1.5 }, 1, { classId: 4 });
  s.moveStroke({ x: 6.5, y: 1.5 });
  assert.equal(s.labelsOf(f)!.data[1 * 8 + 4], 4);
  s.cancelStroke();
  assert.deepEqual([...s.labelsOf(f)!.data], [...labels().data]);
  assert.equal(s.history.canUndo, false);
  assert.equal(sent, 0);
  s.setTrack('other');
  assert.equal(s.labelsOf(MAX_CACHED_FRAMES + 7), undefined, 'labels belong to their track');
});
