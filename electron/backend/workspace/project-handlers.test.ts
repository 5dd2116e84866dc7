import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { Events } from '../../shared/contract.ts';
import { DiffBuilder, type FrameDiff } from '../../core/edit/index.ts';
import { fakeVideoService } from '../host/fake-video.test-support.ts';
import { decodeLabelPng } from '../project/label-png.ts';
import { fakeRun, fakeVideo, lockByLiveProcess, tempDir } from '../project/test-fixtures.ts';
import { LOCK_FILE, readProjectLock } from '../project/lock.ts';
import { testWorkspace } from './test-support.ts';
import { defaultView } from './project-view.ts';

const MODEL = join(import.meta.dirname, '../../../native-models/test-tiny/single');

async function setup(frames = 5) {
  const root = await tempDir('ws');
  const { ws, h, events } = testWorkspace({ video: fakeVideoService(frames), dataDir: join(root, 'home') });
  const videoPath = await fakeVideo(root);
  return { root, ws, h, videoPath, events };
}

/** A one-pixel change of frame `frame` (8x6 labels) at offset `at` to class `to`. */
function pixelDiff(frame: number, at: number, from: number, to: number): FrameDiff {
  const b = new DiffBuilder({ width: 8, height: 6, data: new Uint8Array(48).fill(from) }, frame);
  b.set(at, to);
  return b.finish();
}

test('project.forVideo creates the automatic project once and reopens it', async () => {
  const { h, ws, videoPath } = await setup();
  const a = await h['project.forVideo']({ videoPath, model: MODEL });
  assert.match(a.dir, /projects[\\/]clip-[0-9a-f]{10}$/);
  assert.equal(a.video?.frameCount, 5);
  assert.equal(a.videoMissing, false);
  assert.ok(a.classes.length > 0);
  assert.deepEqual(a.tracks, []);
  assert.deepEqual((await h['project.forVideo']({ videoPath })).id, a.id, 'already open: same project');
  await h['project.close']({ projectId: a.id });
  const b = await h['project.forVideo']({ videoPath });
  assert.equal(b.dir, a.dir);
  assert.deepEqual((await h['project.recent']({})).items.map((i) => i.dir), [a.dir]);
  assert.equal(ws.openSessions().length, 1);
});

test('a project another live app holds fails to open with one line; once that app is gone it opens, locked while open', async () => {
  const { h, ws, videoPath } = await setup();
  const a = await h['project.forVideo']({ videoPath, model: MODEL });
  assert.equal((await readProjectLock(a.dir))?.pid, process.pid, 'an open project holds its lock');
  await h['project.close']({ projectId: a.id });
  assert.equal(existsSync(join(a.dir, LOCK_FILE)), false, 'closing releases it');
  const other = await lockByLiveProcess(a.dir, 'app');
  try {
    const refused = new RegExp(`^project is open in VSS Studio \\(pid ${other.pid}, since \\d\\d:\\d\\d\\); close it there first$`);
    await assert.rejects(h['project.open']({ dir: a.dir }), (e) => e instanceof Error && 'code' in e && e.code === 'LOCKED' && refused.test(e.message));
    await assert.rejects(h['project.forVideo']({ videoPath }), { code: 'LOCKED' });
    assert.equal(ws.openSessions().length, 0);
    assert.equal((await readProjectLock(a.dir))?.pid, other.pid, 'the other app keeps its lock');
  } finally {
    await other.stop();
  }
  const b = await h['project.open']({ dir: a.dir });
  assert.equal((await readProjectLock(b.dir))?.pid, process.pid, 'the stale lock of the killed app is taken over');
  await ws.dispose();
  assert.equal(existsSync(join(a.dir, LOCK_FILE)), false, 'dispose releases it');
});

test('setView is autosaved and restored on reopen; the history is read with project.history', async () => {
  const { h, videoPath } = await setup();
  const a = await h['project.forVideo']({ videoPath, model: MODEL });
  const view = { ...defaultView(), opacity: 0.8, panX: 12, panY: -3, zoom: 2, hiddenClasses: [2], compareMode: 'swipe' as const };
  await h['project.setView']({ projectId: a.id, view, playhead: 3 });
  await h['project.close']({ projectId: a.id });
  const b = await h['project.open']({ dir: a.dir });
  assert.deepEqual(b.view, view);
  assert.equal(b.playhead, 3);
  assert.equal(b.id, a.id, 'the same folder keeps its id');
  assert.deepEqual((await h['project.history']({ projectId: b.id })).history, { undo: [], redo: [] });
});

test('a moved video is reported and relocateVideo fixes it', async () => {
  const { h, videoPath, root } = await setup();
  const a = await h['project.forVideo']({ videoPath, model: MODEL });
  await h['project.close']({ projectId: a.id });
  const moved = join(root, 'moved.mp4');
  await rename(videoPath, moved);
  const b = await h['project.open']({ dir: a.dir });
  assert.equal(b.videoMissing, true);
  assert.equal(b.video, null);
  await assert.rejects(h['project.relocateVideo']({ projectId: b.id, videoPath: join(root, 'nope.mp4') }));
  const c = await h['project.relocateVideo']({ projectId: b.id, videoPath: moved });
  assert.equal(c.videoMissing, false);
  assert.equal(c.videoPath, moved);
});

test('edit.apply writes the corrected labels, locks the frame, and undoing to the engine labels drops it', async () => {
  const { h, ws, videoPath, root } = await setup();
  const a = await h['project.forVideo']({ videoPath, model: MODEL });
  const project = ws.session(a.id).open.project;
  const track = await project.addTrack(await fakeRun(join(root, 'run'), 5), 'engine');
  // frame 1: top half class 1, offset 2 is in the top half
  const res = await h['edit.apply']({ projectId: a.id, trackId: track.id, frames: [{ index: 1, diff: pixelDiff(1, 2, 1, 7) }] });
  assert.deepEqual(res.corrections, [1]);
  await project.flush();
  const png = decodeLabelPng(readFileSync(project.paths.correction(track.id, '000001')), 'c');
  assert.equal(png.data[2], 7);
  const state = await h['project.forVideo']({ videoPath });
  assert.deepEqual(state.locked[track.id], [1]);
  const undo = await h['edit.apply']({ projectId: a.id, trackId: track.id, frames: [{ index: 1, diff: pixelDiff(1, 2, 7, 1) }] });
  assert.deepEqual(undo.corrections, []);
  assert.equal(existsSync(project.paths.correction(track.id, '000001')), false);
  await h['frame.lock']({ projectId: a.id, trackId: track.id, index: 3, locked: true });
  assert.deepEqual((await h['project.forVideo']({ videoPath })).locked[track.id], [3]);
});

test('export.start writes label PNGs with progress and done events; cancel answers for unknown jobs', async () => {
  const { h, ws, videoPath, root, events } = await setup();
  const a = await h['project.forVideo']({ videoPath, model: MODEL });
  const track = await ws.session(a.id).open.project.addTrack(await fakeRun(join(root, 'run'), 5), 'engine');
  const out = join(root, 'out');
  const { jobId } = await h['export.start']({ projectId: a.id, trackId: track.id, corrected: true, format: 'labels', out, from: 1, to: 3 });
  await new Promise<void>((r) => {
    const t = setInterval(() => events.some((e) => e.name === 'export.done') && (clearInterval(t), r()), 10);
  });
  const done = events.find((e) => e.name === 'export.done')!.payload as Events['export.done'];
  assert.equal(done.status, 'done', done.message);
  assert.equal(done.jobId, jobId);
  assert.ok(events.some((e) => e.name === 'export.progress' && (e.payload as Events['export.progress']).total === 3));
  assert.deepEqual((await h['export.cancel']({ jobId })).cancelled, false);
});
