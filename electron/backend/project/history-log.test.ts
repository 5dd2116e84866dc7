import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFile, readFile, stat, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { computeChange, type FrameDiff } from '../../core/edit/index.ts';
import type { LabelMap } from '../../core/types.ts';
import { decodeRecords, encodeRecord } from './history-log.ts';
import { HISTORY_LOG, ProjectHistory } from './history-store.ts';
import { tempDir } from './test-fixtures.ts';

const W = 640;
const H = 360;

/** One brush drag of `n` points on a 640x360 frame, as the renderer folds it. */
function drag(labels: LabelMap, i: number): FrameDiff[] {
  const points = Array.from({ length: 12 }, (_, k) => ({ x: 20 + ((i * 37 + k * 9) % 600), y: 20 + ((i * 23 + k * 5) % 320) }));
  const change = computeChange({ kind: 'brush', frame: 0, points, radius: 6, classId: 1 + (i % 9) }, { labels: () => labels, ignoreIndex: 255 });
  return change.diffs;
}

const stemsOf = (diffs: readonly FrameDiff[]) => diffs.map((d) => String(d.frame).padStart(6, '0'));
const doStep = (op: string, at = 1) => ({ op, action: 'do' as const, label: `brush@engine`, at });

test('history appends each step and reloads with the same undo and redo stacks', async () => {
  const dir = await tempDir('hist');
  const labels: LabelMap = { width: W, height: H, data: new Uint8Array(W * H) };
  const { history } = await ProjectHistory.open(dir, { flushedSeq: 0 });
  for (let i = 0; i < 5; i++) await history.record(doStep(`o${i}`, i), 'engine', drag(labels, i), stemsOf(drag(labels, i)));
  await history.record({ op: 'u1', action: 'undo' }, 'engine', [], []);
  await history.record({ op: 'u2', action: 'undo' }, 'engine', [], []);
  await history.record({ op: 'r1', action: 'redo' }, 'engine', [], []);
  const before = history.steps();
  assert.equal(before.undo.length, 4);
  assert.equal(before.redo.length, 1);
  const again = await ProjectHistory.open(dir, { flushedSeq: history.seq });
  assert.deepEqual(again.history.steps(), before);
  assert.equal(again.pending.length, 0, 'everything was flushed');
  assert.ok(again.history.has('o3') && again.history.has('r1'), 'operation ids are known after a reload');
  assert.equal(await again.history.record({ op: 'x', action: 'redo' }, 'engine', [], []), 1 + history.seq, 'a redo is one more record');
  assert.equal(await again.history.record({ op: 'y', action: 'redo' }, 'engine', [], []), null, 'nothing left to redo');
});

test('undo and redo append a pointer move of a few bytes; a new step appends O(its diffs)', async () => {
  const dir = await tempDir('hist');
  const labels: LabelMap = { width: W, height: H, data: new Uint8Array(W * H) };
  const { history } = await ProjectHistory.open(dir, { flushedSeq: 0 });
  const d = drag(labels, 0);
  await history.record(doStep('a'), 'engine', d, stemsOf(d));
  const afterStep = history.logBytes;
  const raw = d.reduce((s, x) => s + x.oldValues.length + x.newValues.length + x.runs.byteLength, 0);
  assert.ok(afterStep < raw * 2 + 500, `step record ${afterStep} B for ${raw} B of diff`);
  await history.record({ op: 'b', action: 'undo' }, 'engine', [], []);
  assert.ok(history.logBytes - afterStep < 100, `undo record is ${history.logBytes - afterStep} B`);
});

test('bytes written per save do not grow over 200 brush drags', async () => {
  const dir = await tempDir('hist');
  const labels: LabelMap = { width: W, height: H, data: new Uint8Array(W * H) };
  const { history } = await ProjectHistory.open(dir, { flushedSeq: 0 });
  const perSave: number[] = [];
  for (let i = 0; i < 200; i++) {
    const d = drag(labels, i);
    const before = history.logBytes;
    await history.record(doStep(`op${i}`), 'engine', d, stemsOf(d));
    const raw = d.reduce((s, x) => s + x.oldValues.length + x.newValues.length + x.runs.byteLength, 0);
    perSave.push((history.logBytes - before) / Math.max(1, raw));
  }
  const first = perSave.slice(0, 20).reduce((a, b) => a + b) / 20;
  const last = perSave.slice(-20).reduce((a, b) => a + b) / 20;
  assert.ok(last <= first * 1.2, `bytes written per byte of diff: first 20 drags ${first.toFixed(2)}, last 20 ${last.toFixed(2)}`);
  assert.ok(Math.max(...perSave) < 3, 'a save never writes more than a small multiple of its own diff');
});

test('a torn last record is detected, dropped and cut from the file; earlier steps survive', async () => {
  const dir = await tempDir('hist');
  const labels: LabelMap = { width: W, height: H, data: new Uint8Array(W * H) };
  const { history } = await ProjectHistory.open(dir, { flushedSeq: 0 });
  for (let i = 0; i < 3; i++) await history.record(doStep(`o${i}`), 'engine', drag(labels, i), stemsOf(drag(labels, i)));
  const file = join(dir, HISTORY_LOG);
  const good = (await stat(file)).size;
  const d = drag(labels, 3);
  const torn = encodeRecord({ t: 'step', seq: 4, op: 'o3', track: 'engine', label: 'brush@engine', at: 1, diffs: [], stems: [] });
  await appendFile(file, torn.subarray(0, torn.length - 3));
  const reopened = await ProjectHistory.open(dir, { flushedSeq: 0 });
  assert.equal(reopened.dropped, torn.length - 3);
  assert.equal(reopened.history.steps().undo.length, 3);
  assert.equal((await stat(file)).size, good, 'the torn bytes are cut off');
  await reopened.history.record(doStep('o4'), 'engine', d, stemsOf(d));
  assert.equal((await ProjectHistory.open(dir, { flushedSeq: 0 })).history.steps().undo.length, 4, 'an append after the cut is readable');
  // a flipped byte inside the last record fails its CRC
  const buf = await readFile(file);
  buf[buf.length - 5] ^= 0xff;
  await writeFile(file, buf);
  assert.equal((await ProjectHistory.open(dir, { flushedSeq: 0 })).history.steps().undo.length, 3);
  await truncate(file, 5);
  assert.equal(decodeRecords(await readFile(file)).records.length, 0, 'a header cut short is no record');
});

test('records after the saved labels are returned for recovery, with undo as a revert', async () => {
  const dir = await tempDir('hist');
  const labels: LabelMap = { width: W, height: H, data: new Uint8Array(W * H) };
  const { history } = await ProjectHistory.open(dir, { flushedSeq: 0 });
  const d = drag(labels, 0);
  await history.record(doStep('a'), 'engine', d, stemsOf(d));
  await history.record({ op: 'b', action: 'undo' }, 'engine', [], []);
  const { pending } = await ProjectHistory.open(dir, { flushedSeq: 1 });
  assert.equal(pending.length, 1);
  assert.deepEqual(pending[0]!.edits.map((e) => [e.stem, e.revert]), [['000000', true]]);
  assert.equal(pending[0]!.track, 'engine');
});

test('the log is compacted to the live history once everything is flushed', async () => {
  const dir = await tempDir('hist');
  const labels: LabelMap = { width: W, height: H, data: new Uint8Array(W * H) };
  const { history } = await ProjectHistory.open(dir, { flushedSeq: 0, maxBytes: 40_000, compactSlack: 0 });
  for (let i = 0; i < 120; i++) await history.record(doStep(`o${i}`), 'engine', drag(labels, i), stemsOf(drag(labels, i)));
  await history.record({ op: 'u', action: 'undo' }, 'engine', [], []);
  const before = history.steps();
  const big = history.logBytes;
  assert.equal(await history.compactIfLarge(history.seq - 1), false, 'not while records are unflushed');
  assert.equal(await history.compactIfLarge(history.seq), true);
  assert.ok(history.logBytes < big / 3, `log ${big} B → ${history.logBytes} B`);
  const reopened = await ProjectHistory.open(dir, { flushedSeq: history.seq, maxBytes: 40_000 });
  assert.deepEqual(reopened.history.steps(), before, 'same history after compaction and reload');
  assert.equal(reopened.pending.length, 0);
  assert.ok(reopened.history.has('u'), 'recent operation ids survive compaction');
});
