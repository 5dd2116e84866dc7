import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Events, VideoInfo } from '../../shared/contract.ts';
import type { VideoService } from '../video/types.ts';
import { exportTrack } from '../export/run-export.ts';
import { fakeRun, fakeVideo, stemOf, syntheticLabels, tempDir } from '../project/test-fixtures.ts';
import { testWorkspace, type RecordedEvent } from './test-support.ts';

const MODEL = join(import.meta.dirname, '../../../native-models/test-tiny/single');

/** A 4-frame 8x6 video (only its info matters to imports). */
function smallVideo(): VideoService {
  let info: VideoInfo | undefined;
  return {
    async open(path: string) {
      info = { id: 'v1', path, kind: 'video', width: 8, height: 6, fps: 25, frameCount: 4, codec: 'h264', durationSec: 0.16, variableFrameRate: false, rotation: 0, timestamps: [], frameNames: [], warnings: [], badFrames: [] };
      return info;
    },
    get: () => info,
    list: () => (info ? [info] : []),
    frame: () => Promise.reject(new Error('imports read no video pixels')),
    playhead: () => undefined,
    close: async () => true,
    dispose: async () => undefined,
  } as VideoService;
}

async function done(events: RecordedEvent[]): Promise<Events['import.done']> {
  await new Promise<void>((r) => {
    const t = setInterval(() => events.some((e) => e.name === 'import.done') && (clearInterval(t), r()), 5);
  });
  return events.find((e) => e.name === 'import.done')!.payload as Events['import.done'];
}

async function setup() {
  const root = await tempDir('import-h');
  const { ws, h, events } = testWorkspace({ video: smallVideo(), dataDir: join(root, 'home') });
  const p = await h['project.forVideo']({ videoPath: await fakeVideo(root), model: MODEL });
  const project = ws.session(p.id).open.project;
  const track = await project.addTrack(await fakeRun(join(root, 'run'), 4), 'engine');
  const other = await project.addTrack(await fakeRun(join(root, 'run2'), 4, (i) => syntheticLabels(i + 3)), 'other');
  const out = join(root, 'coco');
  await exportTrack(project, { format: 'coco', track: other.id, out });
  return { ws, h, events, p, project, track, out };
}

test('import.plan reports the class mapping and frames; import.start adds a track and says so', async () => {
  const { h, events, p, project, out } = await setup();
  const req = { projectId: p.id, format: 'coco' as const, from: out, as: 'track' as const, name: 'Ground truth' };
  const plan = await h['import.plan'](req);
  assert.equal(plan.frames.matched, 4);
  assert.ok(plan.classes.every((c) => c.how !== 'unmatched'));
  assert.equal(project.tracks.length, 2, 'planning imports nothing');
  const { jobId } = await h['import.start'](req);
  const d = await done(events);
  assert.equal(d.jobId, jobId);
  assert.equal(d.status, 'done', d.message);
  assert.equal(d.imported, 4);
  assert.deepEqual((await project.loadLabels(d.trackId!, stemOf(1))).data, syntheticLabels(4).data);
  assert.ok(events.some((e) => e.name === 'project.changed'), 'open pages learn of the new track');
  assert.ok(events.some((e) => e.name === 'import.progress'));
});

test('import.start as corrections: the frames become corrected; a refused import reports one line', async () => {
  const { h, events, p, project, track, out } = await setup();
  await h['import.start']({ projectId: p.id, format: 'coco', from: out, as: 'corrections', trackId: track.id, map: { Car: 'Road' } });
  const d = await done(events);
  assert.equal(d.status, 'done', d.message);
  assert.deepEqual(project.correctedStems(track.id).sort(), [0, 1, 2, 3].map(stemOf));
  events.length = 0;
  await h['import.start']({ projectId: p.id, format: 'cvat', from: out, as: 'track', name: 'x' });
  const bad = await done(events);
  assert.equal(bad.status, 'failed');
  assert.match(bad.message, /has no labelmap\.txt/);
  await assert.rejects(h['import.plan']({ projectId: p.id, format: 'coco', from: out, as: 'track' }), /name the new track/);
});
