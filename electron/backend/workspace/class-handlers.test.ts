import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { fakeVideoService } from '../host/fake-video.test-support.ts';
import { fakeVideo, tempDir } from '../project/test-fixtures.ts';
import { createVideoService } from '../video/service.ts';
import { testWorkspace } from './test-support.ts';

const MODEL = join(import.meta.dirname, '../../../native-models/test-tiny/single');

async function framesFolder(root: string, n: number): Promise<string> {
  const dir = join(root, 'frames');
  await mkdir(dir);
  const png = new PNG({ width: 4, height: 2 });
  for (let i = 0; i < n; i++) await writeFile(join(dir, `f${i}.png`), PNG.sync.write(png));
  return dir;
}

test('project.setClasses answers the new state, tells open pages and refuses bad lists', async () => {
  const root = await tempDir('cls');
  const { h, events } = testWorkspace({ video: fakeVideoService(3), dataDir: join(root, 'home') });
  const p = await h['project.forVideo']({ videoPath: await fakeVideo(root), model: MODEL });
  const classes = p.classes.map((c) => (c.id === 0 ? { ...c, name: 'Heaven', color: [1, 2, 3] as [number, number, number] } : c));
  const next = await h['project.setClasses']({ projectId: p.id, classes });
  assert.deepEqual(next.classes[0], { id: 0, name: 'Heaven', color: [1, 2, 3] });
  assert.ok(events.some((e) => e.name === 'project.changed'));
  await assert.rejects(h['project.setClasses']({ projectId: p.id, classes: [...classes, classes[1]!] }), /class id 1 is used twice/);
  await assert.rejects(h['project.setFrameRate']({ projectId: p.id, fps: 10 }), /the frame rate of a video file is its own/);
});

test('a frames folder takes its frame rate when opened and later; the project keeps it', async () => {
  const root = await tempDir('fps');
  const video = createVideoService();
  const { h, ws } = testWorkspace({ video, dataDir: join(root, 'home') });
  try {
    const dir = await framesFolder(root, 3);
    const p = await h['project.forVideo']({ videoPath: dir, model: MODEL, fps: 10 });
    assert.equal(p.frameRate, 10);
    assert.deepEqual([p.video?.fps, p.video?.durationSec, p.video?.timestamps], [10, 0.3, [0, 0.1, 0.2]]);
    const changed = await h['project.setFrameRate']({ projectId: p.id, fps: 25 });
    assert.deepEqual([changed.frameRate, changed.video?.timestamps[2]], [25, 0.08]);
    assert.equal((await video.frame(changed.video!.id, 2)).pts, 0.08);
    await h['project.close']({ projectId: p.id });
    await video.dispose();
    const again = await h['project.forVideo']({ videoPath: dir });
    assert.deepEqual([again.frameRate, again.video?.fps], [25, 25]);
    await assert.rejects(video.open(await fakeVideo(root), { fps: 12 }), /a frame rate can be set only for a folder of frames/);
  } finally {
    await ws.dispose();
    await video.dispose();
  }
});

test('a folder opened at a frame rate before its project exists gives the project that rate', async () => {
  const root = await tempDir('fps-adopt');
  const video = createVideoService();
  const { h, ws } = testWorkspace({ video, dataDir: join(root, 'home') });
  try {
    const dir = await framesFolder(root, 2);
    await ws.openVideo(dir, { fps: 5 });
    const p = await h['project.forVideo']({ videoPath: dir, model: MODEL });
    assert.deepEqual([p.frameRate, p.video?.fps], [5, 5]);
  } finally {
    await ws.dispose();
    await video.dispose();
  }
});
