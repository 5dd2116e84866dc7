import test from 'node:test';
import assert from 'node:assert/strict';
import { decodeMessage, encodeMessage } from './wire-codec.ts';
import { applyChange, computeChange, EditHistory, revertChange } from '../../core/edit/index.ts';
import type { WireHistory } from './wire.ts';

test('a message without typed arrays is plain JSON text', () => {
  const m = { kind: 'request', id: 1, name: 'video.list', req: {} };
  const wire = encodeMessage(m);
  assert.equal(typeof wire, 'string');
  assert.deepEqual(decodeMessage(wire), m);
});

test('typed arrays travel as raw bytes in one binary frame and come back as the same types', () => {
  const big = new Uint8Array(1001).map((_, i) => i & 255);
  const m = { id: 2, diff: { frame: 3, runs: new Uint32Array([7, 2, 0xffffffff, 1]), values: big.subarray(1, 4), flow: new Float32Array([0.5, -1.25]) }, note: 'x' };
  const wire = encodeMessage(m);
  assert.ok(wire instanceof Uint8Array);
  // Raw bytes, not base64 or JSON numbers: the frame is barely larger than the arrays themselves.
  assert.ok(wire.length < 16 + 3 + 16 + 8 + 200, `${wire.length} bytes`);
  const back = decodeMessage(wire) as typeof m;
  assert.ok(back.diff.runs instanceof Uint32Array && back.diff.values instanceof Uint8Array && back.diff.flow instanceof Float32Array);
  assert.deepEqual([...back.diff.runs], [7, 2, 0xffffffff, 1]);
  assert.deepEqual([...back.diff.values], [1, 2, 3]);
  assert.deepEqual([...back.diff.flow], [0.5, -1.25]);
  assert.equal(back.note, 'x');
});

test('torn or forged binary frames are refused with one line', () => {
  const wire = encodeMessage({ a: new Uint32Array([1, 2]) }) as Uint8Array;
  assert.throws(() => decodeMessage(wire.subarray(0, wire.length - 4)), /malformed binary message: attachment past the end/);
  assert.throws(() => decodeMessage(new Uint8Array([1, 2, 3, 4, 0, 0, 0, 0])), /malformed binary message: bad header/);
  // Three bytes claimed as 32-bit words.
  const json = new TextEncoder().encode('{"a":{"$bin":0,"t":"u32"}}');
  const forged = new Uint8Array(8 + 28 + 4 + 4);
  const view = new DataView(forged.buffer);
  forged.set([0x56, 0x53, 0x42, 0x31]);
  view.setUint32(4, json.length, true);
  forged.set(json, 8);
  view.setUint32(8 + 28, 3, true);
  assert.throws(() => decodeMessage(forged), /attachment 0 is not whole u32 values/);
  // A Node Buffer view into a larger pool decodes to arrays of exactly its own bytes.
  const pooled = Buffer.concat([Buffer.alloc(5), Buffer.from(wire)]).subarray(5);
  assert.deepEqual([...(decodeMessage(pooled) as { a: Uint32Array }).a], [1, 2]);
  assert.throws(() => decodeMessage('{"a":'), /not valid JSON/);
});

test('project.history round-trips as one binary frame: steps with raw-byte diffs, restored to a history that undoes the same', () => {
  const labels = { width: 64, height: 48, data: new Uint8Array(64 * 48) };
  const ctx = { labels: (f: number) => (f === 0 ? labels : undefined), ignoreIndex: 255 };
  const h = new EditHistory();
  for (const cls of [3, 5, 7]) {
    const c = computeChange({ kind: 'brush', frame: 0, points: [{ x: 8 * cls, y: 20 }], radius: 6, classId: cls }, ctx);
    applyChange(ctx.labels, c.diffs);
    h.record(c, `brush ${cls}`);
  }
  const after = labels.data.slice();
  h.undo();
  const wire = encodeMessage({ kind: 'response', id: 9, ok: true, res: { history: h.steps() } });
  assert.ok(wire instanceof Uint8Array, 'binary frame, not JSON text');
  // Raw bytes: the frame is the diffs' bytes plus a small JSON head (base64 alone would add a third).
  assert.ok(wire.length < h.bytes + 600, `${wire.length} bytes for ${h.bytes} bytes of diffs`);
  const back = decodeMessage(wire) as { res: { history: WireHistory } };
  const restored = EditHistory.fromSteps(back.res.history);
  assert.deepEqual(restored.steps(), h.steps());
  assert.ok(back.res.history.undo[0]!.diffs[0]!.runs instanceof Uint32Array);
  applyChange(ctx.labels, restored.redo()!.diffs);
  assert.deepEqual(labels.data, after, 'redo of the restored history gives the labels before the undo');
  for (let e = restored.undo(); e; e = restored.undo()) revertChange(ctx.labels, e.diffs);
  assert.ok(labels.data.every((v) => v === 0), 'undoing every restored step clears the frame');
});
