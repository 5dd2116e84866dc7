import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend } from './api.ts';
import { resolveDataDir } from './recent.ts';
import { fakeVideoService } from './host/fake-video.test-support.ts';

function setup() {
  const dataDir = mkdtempSync(join(tmpdir(), 'vss-api-'));
  const video = fakeVideoService(3);
  return { dataDir, video, backend: createBackend({ video, transport: 'browser', version: '1.2.3', dataDir }) };
}

test('VSS_HOME selects the data folder, else ~/.vss-studio', () => {
  assert.equal(resolveDataDir({ VSS_HOME: '/x/y' }), '/x/y');
  assert.match(resolveDataDir({}), /\.vss-studio$/);
});

test('video.open records the path in recent.json, newest first, without duplicates or temp files', async () => {
  const { backend, dataDir } = setup();
  await backend.handle('video.open', { path: '/a.mp4' });
  await backend.handle('video.open', { path: '/b.mp4' });
  await backend.handle('video.open', { path: '/a.mp4' });
  const { items } = await backend.handle('recent.list', {});
  assert.deepEqual(items.map((i) => i.path), ['/a.mp4', '/b.mp4']);
  const onDisk = JSON.parse(readFileSync(join(dataDir, 'recent.json'), 'utf8')) as { items: { path: string }[] };
  assert.deepEqual(onDisk.items.map((i) => i.path), ['/a.mp4', '/b.mp4']);
  assert.deepEqual(readdirSync(dataDir), ['recent.json']);
  assert.deepEqual((await backend.handle('recent.clear', {})).items, []);
});

test('opening the same path twice returns the already open video', async () => {
  const { backend } = setup();
  const a = await backend.handle('video.open', { path: '/a.mp4' });
  const b = await backend.handle('video.open', { path: '/a.mp4' });
  assert.equal(a.id, b.id);
  assert.equal((await backend.handle('video.list', {})).videos.length, 1);
});

test('dispatch validates names and arguments with one-line messages', async () => {
  const { backend } = setup();
  await assert.rejects(backend.dispatch('nope', {}), /unknown request "nope"/);
  await assert.rejects(backend.dispatch('video.open', { path: 3 }), /video\.open\.path must be a string/);
  await assert.rejects(backend.dispatch('video.open', { path: '/x.txt' }), /not a video/);
  const info = (await backend.dispatch('app.info', undefined)) as { version: string; transport: string };
  assert.equal(info.version, '1.2.3');
});

test('frames and playhead are checked against the frame count; the playhead reaches the service', async () => {
  const { backend, video } = setup();
  const { id } = await backend.handle('video.open', { path: '/a.mp4' });
  assert.equal((await backend.frame(id, 2)).index, 2);
  await assert.rejects(backend.frame(id, 3), /out of range/);
  await assert.rejects(backend.frame('zzz', 0), /no open video/);
  await backend.dispatch('video.playhead', { videoId: id, index: 1, direction: 1 });
  assert.deepEqual(video.playheads, [1]);
  await assert.rejects(backend.dispatch('video.playhead', { videoId: id, index: 3, direction: 1 }), /past the last frame/);
});

test('app.openDialog is unsupported without a native dialog', async () => {
  const { backend } = setup();
  await assert.rejects(backend.handle('app.openDialog', {}), /only in the desktop app/);
});
