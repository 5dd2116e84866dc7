import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Events, VideoInfo } from '../../shared/contract.ts';
import { DiffBuilder } from '../../core/edit/index.ts';
import type { LabelMap } from '../../core/types.ts';
import type { VideoService } from '../video/types.ts';
import { fakeRun, fakeVideo, tempDir } from '../project/test-fixtures.ts';
import { FlowWorker } from '../../engine/flow-worker/client.ts';
import type { PropagateJob } from '../../engine/flow-worker/protocol.ts';
import { FlowService, type FlowThread } from './flow-service.ts';
import { testWorkspace } from './test-support.ts';

const W = 128;
const H = 96;
const MODEL = join(import.meta.dirname, '../../../native-models/test-tiny/single');

/** A textured scene that moves 2 px right per frame. */
function movingVideo(frames: number): VideoService {
  const open = new Map<string, VideoInfo>();
  const tex = (x: number, y: number) => (128 + 50 * Math.sin(x * 0.21 + y * 0.13) + 40 * Math.cos(x * 0.07 - y * 0.19) + 30 * Math.sin(x * y * 0.003)) | 0;
  return {
    async open(path) {
      const info = { id: 'v1', path, kind: 'video', width: W, height: H, fps: 25, frameCount: frames, codec: 'h264', durationSec: frames / 25, variableFrameRate: false, rotation: 0, timestamps: [], frameNames: [], warnings: [], badFrames: [] } satisfies VideoInfo;
      open.set(info.id, info);
      return info;
    },
    get: (id) => open.get(id),
    list: () => [...open.values()],
    async frame(_id, index) {
      const rgba = new Uint8Array(W * H * 4);
      for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) rgba.fill(tex(x - 2 * index, y), (y * W + x) * 4, (y * W + x) * 4 + 3), (rgba[(y * W + x) * 4 + 3] = 255);
      return { index, width: W, height: H, pts: index / 25, rgba };
    },
    playhead: () => undefined,
    close: async () => true,
    dispose: async () => undefined,
  } as VideoService;
}

async function setup(video: VideoService = movingVideo(6)) {
  const root = await tempDir('edit');
  const { ws, h, events } = testWorkspace({ video, dataDir: join(root, 'home') });
  const p = await h['project.forVideo']({ videoPath: await fakeVideo(root), model: MODEL });
  const labels = (): LabelMap => ({ width: W, height: H, data: new Uint8Array(W * H).fill(3) });
  const track = await ws.session(p.id).open.project.addTrack(await fakeRun(join(root, 'run'), 6, labels), 'engine');
  return { h, ws, p, track, events, root };
}

test('propagatePreview carries a correction along the flow to the next frames without applying it', async () => {
  const { h, p, track } = await setup();
  const b = new DiffBuilder({ width: W, height: H, data: new Uint8Array(W * H).fill(3) }, 0);
  for (let y = 40; y < 48; y++) for (let x = 40; x < 48; x++) b.set(y * W + x, 8);
  const res = await h['edit.propagatePreview']({ projectId: p.id, trackId: track.id, index: 0, diff: b.finish(), forward: 2, backward: 0 });
  assert.deepEqual(res.frames.map((f) => f.index), [1, 2]);
  const d1 = res.frames[0]!.diff;
  assert.ok(res.frames[0]!.changed > 40, `most of the 64 pixels reach frame 1 (${res.frames[0]!.changed})`);
  // the square moved right by about 2 px
  const xs: number[] = [];
  for (let r = 0; r < d1.newValues.length; r++) for (let i = 0; i < d1.runs[2 * r + 1]!; i++) xs.push((d1.runs[2 * r]! + i) % W);
  const mean = xs.reduce((a, c) => a + c, 0) / xs.length;
  assert.ok(Math.abs(mean - 45.5) < 1.5, `mean x ${mean}`);
  assert.deepEqual((await h['project.forVideo']({ videoPath: p.videoPath })).corrections[track.id] ?? [], [], 'nothing applied');
});

test('propagation runs in the flow service\'s worker thread (every flow pair and the warp) while the event loop keeps ticking', async () => {
  const { h, ws, p, track } = await setup();
  const thread = ws.flows.thread;
  assert.ok(thread instanceof FlowWorker, 'the workspace flow service runs a FlowWorker');
  const b = new DiffBuilder({ width: W, height: H, data: new Uint8Array(W * H).fill(3) }, 2);
  for (let y = 40; y < 48; y++) for (let x = 40; x < 48; x++) b.set(y * W + x, 8);
  let ticks = 0;
  const timer = setInterval(() => ticks++, 1);
  try {
    const res = await h['edit.propagatePreview']({ projectId: p.id, trackId: track.id, index: 2, diff: b.finish(), forward: 3, backward: 2 });
    assert.ok(res.frames.length > 0);
  } finally {
    clearInterval(timer);
  }
  // Pairs 0-1, 1-2, 2-3, 3-4, 4-5 (both directions in one answer each), then the preview's warp.
  assert.equal(thread.answered, 6);
  assert.ok(ticks > 0, 'the event loop ticked while the flow was computed');
  await ws.dispose();
});

test('propagation hands the label PNGs to the flow worker undecoded: no label decode runs on the event loop', async () => {
  const root = await tempDir('edit-png');
  const video = movingVideo(6);
  const worker = new FlowWorker();
  const jobs: PropagateJob[] = [];
  const thread: FlowThread = {
    compute: (a, b, w) => worker.compute(a, b, w),
    pairs: (a, b, side) => worker.pairs(a, b, side),
    propagate: (job) => {
      jobs.push(job);
      return worker.propagate(job);
    },
    dispose: () => worker.dispose(),
  };
  const { ws, h } = testWorkspace({ video, dataDir: join(root, 'home'), flows: new FlowService((id, i) => video.frame(id, i), { thread }) });
  try {
    const p = await h['project.forVideo']({ videoPath: await fakeVideo(root), model: MODEL });
    const labels = (): LabelMap => ({ width: W, height: H, data: new Uint8Array(W * H).fill(3) });
    const track = await ws.session(p.id).open.project.addTrack(await fakeRun(join(root, 'run'), 6, labels), 'engine');
    const b = new DiffBuilder(labels(), 0);
    for (let y = 40; y < 48; y++) for (let x = 40; x < 48; x++) b.set(y * W + x, 8);
    const res = await h['edit.propagatePreview']({ projectId: p.id, trackId: track.id, index: 0, diff: b.finish(), forward: 2, backward: 0 });
    assert.deepEqual(res.frames.map((f) => f.index), [1, 2], 'the thread decoded the PNGs and carried the correction');
    assert.equal(jobs.length, 1);
    assert.deepEqual(jobs[0]!.labels.map(([i, l]) => [i, 'png' in l]), [[1, true], [2, true]], 'frames 1 and 2 went as PNG bytes');
  } finally {
    await ws.dispose();
  }
});

test('export.cancel stops a running export; nothing is left at the destination', async () => {
  const { h, p, track, events, root } = await setup();
  const out = join(root, 'cancelled');
  const { jobId } = await h['export.start']({ projectId: p.id, trackId: track.id, corrected: true, format: 'color', out });
  assert.equal((await h['export.cancel']({ jobId })).cancelled, true);
  await new Promise<void>((r) => {
    const t = setInterval(() => events.some((e) => e.name === 'export.done') && (clearInterval(t), r()), 5);
  });
  const done = events.find((e) => e.name === 'export.done')!.payload as Events['export.done'];
  assert.equal(done.status, 'cancelled');
  const { existsSync } = await import('node:fs');
  assert.equal(existsSync(out), false);
});

test('edit.apply records its undo step in history.log; a retry is not applied twice; a crash before the save loses nothing', async () => {
  const { h, ws, p, track, root } = await setup();
  const b = new DiffBuilder({ width: W, height: H, data: new Uint8Array(W * H).fill(3) }, 2);
  for (let x = 0; x < 10; x++) b.set(x, 8);
  const frames = [{ index: 2, diff: b.finish() }];
  const step = { op: 'op-1', action: 'do' as const, label: `brush@${track.id}`, at: 5 };
  assert.deepEqual((await h['edit.apply']({ projectId: p.id, trackId: track.id, frames, step })).corrections, [2]);
  await h['edit.apply']({ projectId: p.id, trackId: track.id, frames, step });
  const history = () => h['project.history']({ projectId: p.id }).then((r) => r.history);
  assert.equal((await history()).undo.length, 1, 'the retried request added no second step');
  // undo: the inverse diff restores the engine labels, the correction goes away
  const inv = new DiffBuilder({ width: W, height: H, data: new Uint8Array(W * H).fill(3).fill(8, 0, 10) }, 2);
  for (let x = 0; x < 10; x++) inv.set(x, 3);
  const undo = { projectId: p.id, trackId: track.id, frames: [{ index: 2, diff: inv.finish() }], step: { op: 'op-2', action: 'undo' as const } };
  assert.deepEqual((await h['edit.apply'](undo)).corrections, []);
  assert.deepEqual([(await history()).undo.length, (await history()).redo.length], [0, 1]);
  // redo, then "crash" before the autosave: reopening the folder replays the log into the labels
  await h['edit.apply']({ ...undo, frames, step: { op: 'op-3', action: 'redo' } });
  const dir = ws.session(p.id).open.project.dir;
  const fresh = testWorkspace({ video: movingVideo(6), dataDir: join(root, 'home') });
  const again = await fresh.h['project.open']({ dir });
  assert.deepEqual(again.corrections[track.id], [2], 'the acknowledged redo was recovered from the log');
  assert.equal(again.id, p.id, 'same folder, same id');
  await ws.dispose();
  await fresh.ws.dispose();
});
