import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { after, test } from 'node:test';
import type { EventName, Events, VideoInfo } from '../../shared/contract.ts';
import { generateSequence } from '../../engine/synthetic/generate.ts';
import { mergeRunFrames, type RunMarks } from '../../shared/run-frames.ts';
import { createProject } from '../project/index.ts';
import { CAMVID_CLASSES, fakeVideo, tempDir } from '../project/test-fixtures.ts';
import type { DecodedFrame, VideoService } from '../video/types.ts';
import { listModels, TEST_MODELS_ENV } from './engine-models.ts';
import { videoFrameSource } from '../../engine/worker/video-source.ts';
import { readResource } from './resource-read.ts';
import { trackInfos } from './track-info.ts';
import { Workspace } from './workspace.ts';
import { createEngineHandlers } from './engine-handlers.ts';
import type { EngineRunsOptions } from './engine-runs.ts';
import { EngineClient } from '../../engine/worker/client.ts';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

// These runs use the test bundles, which models.list and engine.run offer only when asked to.
process.env[TEST_MODELS_ENV] = '1';

const W = 96;
const H = 64;
const N = 12;
const seq = generateSequence({ width: W, height: H, frames: N });
const dirs: string[] = [];
after(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

function videoService(path: string): VideoService {
  const info: VideoInfo = {
    id: 'v1', path, kind: 'video', width: W, height: H, fps: 25, frameCount: N, codec: 'h264', durationSec: N / 25,
    variableFrameRate: false, rotation: 0, timestamps: seq.map((_, i) => i / 25), frameNames: [], warnings: [], badFrames: [],
  };
  return {
    open: async () => info,
    get: (id) => (id === 'v1' ? info : undefined),
    list: () => [info],
    frame: async (_id, index): Promise<DecodedFrame> => ({ index, width: W, height: H, pts: index / 25, rgba: new Uint8Array(seq[index]!.rgba) }),
    playhead: () => undefined,
    close: async () => true,
    dispose: async () => undefined,
  };
}

async function setup(engine: EngineRunsOptions = {}) {
  const dir = await tempDir('engine-run');
  dirs.push(dir);
  const video = videoService(await fakeVideo(dir));
  const project = await createProject(`${dir}/proj`, { videoPath: video.get('v1')!.path, classes: CAMVID_CLASSES, frameCount: N });
  const events: { name: EventName; payload: unknown }[] = [];
  let onDone: (p: Events['engine.done']) => void = () => undefined;
  // Frames through the (test) video service, so the test can hold some back.
  const ws = new Workspace({
    video,
    dataDir: dir,
    engine: { source: (info) => videoFrameSource(video, info), ...engine },
    emit: (name, payload) => {
      events.push({ name, payload });
      if (name === 'engine.done') onDone(payload as Events['engine.done']);
    },
  });
  const pid = (await ws.register(project)).id;
  const done = new Promise<Events['engine.done']>((r) => (onDone = r));
  return { ws, pid, project, events, done, h: createEngineHandlers(ws) };
}

test('models.list includes the default bundle and the marked test bundles', async () => {
  const models = await listModels();
  assert.ok(models.some((m) => m.name === 'test-tiny/split' && m.form === 'split'));
  assert.ok(models.some((m) => m.name === 'test-tiny/single' && m.form === 'single'));
  assert.ok(models.filter((m) => m.isDefault).length <= 1);
});

test('a dff run fills a new track progressively and ends with its key frames and TC', async () => {
  const { ws, pid, project, events, done, h } = await setup();
  // Frames below a progress event's `done` can be fetched at once (while the run goes on).
  const duringRun: Promise<number>[] = [];
  const emit = ws.emit;
  ws.emit = (name, payload) => {
    const p = payload as Events['engine.progress'];
    if (name === 'engine.progress' && duringRun.length === 0 && p.done > 0 && p.done < N) {
      duringRun.push(readResource({ ws, frame: ws.video.frame }, { kind: 'labels', projectId: pid, trackId: p.trackId, index: p.done - 1, raw: false }).then((r) => r.body.length));
    }
    emit(name, payload);
  };
  // Hold the second half of the clip back until a mid-run progress step has been seen and its
  // labels read, so "results appear while the run goes on" is checked deterministically.
  let release: () => void = () => undefined;
  const released = new Promise<void>((r) => (release = r));
  const frame = ws.video.frame;
  ws.video.frame = async (id, index) => {
    if (index >= N / 2) await released;
    return frame(id, index);
  };
  ws.emit = ((inner) => (name, payload) => {
    inner(name, payload);
    if (duringRun.length > 0) void duringRun[0]!.then(() => release());
  })(ws.emit);
  const { trackId } = await h['engine.run']({ projectId: pid, model: 'test-tiny/split', mode: 'dff', settings: { keyInterval: 4 } });
  assert.equal(trackId, 'dff-k-4');
  const end = await done;
  assert.equal(end.status, 'done', end.message);
  // The batch schedule: each run of 4 frames has its key in the middle (frame 1 of the run).
  assert.deepEqual(end.track?.keyFrames, [1, 5, 9]);
  assert.equal(end.track?.framesDone, N);
  assert.equal(end.track?.tc.length, N);
  assert.equal(end.track?.name, 'dff K=4');
  const progress = events.filter((e) => e.name === 'engine.progress').map((e) => (e.payload as Events['engine.progress']).done);
  assert.ok(progress.length >= 1 && progress.every((d, i) => i === 0 || d >= progress[i - 1]!), `progress ${progress.join(',')}`);
  assert.equal(progress[progress.length - 1], N);
  // The batches of key flags and TC add up to the final track's; key frames show before the end.
  const batches = events.filter((e) => e.name === 'engine.progress').map((e) => e.payload as Events['engine.progress']);
  const merged = batches.reduce<RunMarks>((m, b) => mergeRunFrames(m, b.frames), { keyFrames: [], tc: [], tcMean: null });
  assert.deepEqual(merged.keyFrames, end.track?.keyFrames);
  assert.deepEqual(merged.tc, end.track?.tc);
  // (When the worker's events arrive in one burst the first import takes every frame: no step before the end.)
  const early = batches.filter((b) => b.done < N);
  if (early.length > 0) assert.ok(early.some((b) => b.frames.some((f) => f.key)), 'key frames reported while running');
  assert.equal(duringRun.length, 1, 'no progress step before the end');
  assert.equal(await duringRun[0], W * H);
  const labels = await readResource({ ws, frame: ws.video.frame }, { kind: 'labels', projectId: pid, trackId, index: N - 1, raw: false });
  assert.equal(labels.body.length, W * H);
  await assert.rejects(readResource({ ws, frame: ws.video.frame }, { kind: 'labels', projectId: pid, trackId, index: N, raw: false }), /out of range/);
  const flow = await readResource({ ws, frame: ws.video.frame }, { kind: 'flow', videoId: 'v1', index: 0 });
  assert.equal(flow.body.byteLength, Number(flow.headers['x-frame-width']) * Number(flow.headers['x-frame-height']) * 8);
  const infos = await trackInfos(ws, ws.session(pid).open);
  assert.equal(infos[0]?.status, 'done');
  await h['track.rename']({ projectId: pid, trackId, name: 'baseline' });
  assert.equal(project.track(trackId).name, 'baseline');
  await h['track.delete']({ projectId: pid, trackId });
  assert.equal(project.tracks.length, 0);
});

test('a cancelled run ends as cancelled', async () => {
  const { done, h, pid } = await setup();
  const { runId } = await h['engine.run']({ projectId: pid, model: 'test-tiny/single', mode: 'per-frame', settings: {} });
  assert.deepEqual(await h['engine.cancel']({ runId }), { cancelled: true });
  const end = await done;
  assert.equal(end.status, 'cancelled');
  assert.deepEqual(await h['engine.cancel']({ runId }), { cancelled: false });
});

test('results arrive over the worker channel and each frame is written once, straight into the track', async () => {
  const written: string[] = [];
  const results: number[] = [];
  const real = new EngineClient();
  const client: EngineRunsOptions['client'] = {
    start(job, src, opts = {}) {
      assert.equal(job.out, null, 'no output folder: results come over the channel');
      return real.start(job, src, { ...opts, onResult: (r) => (results.push(r.index), opts.onResult?.(r)) });
    },
  };
  const { done, h, pid, project } = await setup({ client, onFileWritten: (p) => written.push(p) });
  const { trackId } = await h['engine.run']({ projectId: pid, model: 'test-tiny/single', mode: 'per-frame', settings: {} });
  const end = await done;
  assert.equal(end.status, 'done', end.message);
  assert.deepEqual(results, Array.from({ length: N }, (_, i) => i));
  assert.equal(written.length, 2 * N, 'labels and confidence of each frame, once');
  assert.equal(new Set(written).size, 2 * N);
  const dir = project.paths.trackDir(trackId);
  assert.ok(written.every((p) => p.startsWith(dir)), 'written straight into the track');
  assert.equal((await readdir(join(dir, 'labels'))).length, N);
  assert.ok(!(await readdir(project.dir)).includes('runs'), 'no run folder');
  assert.deepEqual(project.track(trackId).keyFrames, end.track?.keyFrames);
});
