import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { copyFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { createBackend } from '../api.ts';
import { fakeVideoService } from '../host/fake-video.test-support.ts';
import { fakeVideo, tempDir } from '../project/test-fixtures.ts';
import { makeClip } from '../video/testing/make-clip.ts';
import { createVideoService } from '../video/service.ts';
import { testWorkspace } from './test-support.ts';

const MODEL = join(import.meta.dirname, '../../../native-models/test-tiny/single');

/** The process name of `pid`, or '' once it is gone. */
function commOf(pid: string): string {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return '';
  }
}

/**
 * Decoder child processes of this process (Linux: /proc/self/task/<tid>/children). Only ffmpeg and
 * ffprobe count: tsx's esbuild service is also a child of the test process on a cold cache (a fresh
 * clone), and it lives as long as the process.
 */
function childProcesses(): number {
  let n = 0;
  for (const tid of readdirSync('/proc/self/task')) {
    const list = readFileSync(`/proc/self/task/${tid}/children`, 'utf8').trim();
    if (list) n += list.split(/\s+/).filter((pid) => /^ff(mpeg|probe)/.test(commOf(pid))).length;
  }
  return n;
}

/** Polls `ok` for up to `ms` (default 5 s) (a killed decoder is reaped asynchronously). */
async function until(ok: () => boolean, ms = 5000): Promise<void> {
  for (let i = 0; i < ms / 20 && !ok(); i++) await new Promise((r) => setTimeout(r, 20));
}

const hasProcChildren = (() => {
  try {
    childProcesses();
    return true;
  } catch {
    return false;
  }
})();

test('opening 20 videos one after another keeps decoders, child processes and projects bounded', { skip: hasProcChildren ? false : 'counting child processes needs /proc/self/task/*/children (Linux)' }, async () => {
  const dir = await tempDir('ws-twenty');
  const clip = await makeClip({ name: 'c0.mp4', dir, width: 64, height: 48, frames: 12, codecArgs: ['-c:v', 'libx264', '-preset', 'ultrafast', '-g', '4'] });
  const video = createVideoService({ cacheMB: 64 });
  const backend = createBackend({ video, transport: 'browser', version: 'test', dataDir: join(dir, 'home'), workspace: { maxOpen: 3 } });
  const ws = backend.workspace;
  /** Each open video holds at most 2 decode runs plus its packet decoder; closed videos' decoders are reaped asynchronously. */
  const bound = 3 * 3;
  let peak = 0;
  try {
    for (let i = 0; i < 20; i++) {
      const path = join(dir, `c${i + 1}.mp4`);
      await copyFile(clip, path);
      const info = await backend.handle('video.open', { path });
      const p = await backend.handle('project.forVideo', { videoPath: path, model: MODEL });
      await backend.frame(info.id, 7); // starts a decoder
      await until(() => childProcesses() <= bound, 30_000);
      peak = Math.max(peak, childProcesses());
      assert.equal(p.video?.id, info.id);
      assert.ok(video.list().length <= 3, `open videos after ${i + 1}: ${video.list().length}`);
      assert.ok(ws.openSessions().length <= 3, `open projects after ${i + 1}: ${ws.openSessions().length}`);
    }
    // Unbounded, 20 videos would hold about 41.
    assert.ok(peak <= bound, `child processes peaked at ${peak}`);
    assert.ok(peak > 0, "the decoders are counted (ffmpeg processes seen)");
    assert.deepEqual(ws.openSessions().map((s) => s.open.videoId).sort(), video.list().map((v) => v.id).sort());
  } finally {
    await backend.dispose();
    await rm(dir, { recursive: true, force: true });
  }
  // Killed decoders are reaped asynchronously; on a loaded 2-core CI machine that took over 5 s once.
  await until(() => childProcesses() === 0, 30_000);
  assert.equal(childProcesses(), 0, 'every decoder ends with the backend');
});

test('closing a project closes its video unless another open project shows it', async () => {
  const root = await tempDir('ws-close');
  const video = fakeVideoService(5);
  const { ws, h } = testWorkspace({ video, dataDir: join(root, 'home') });
  const a = await h['project.forVideo']({ videoPath: await fakeVideo(root), model: MODEL });
  assert.equal(video.list().length, 1);
  assert.deepEqual(await h['project.close']({ projectId: a.id }), { closed: true });
  assert.equal(video.list().length, 0);
  assert.deepEqual(await h['project.close']({ projectId: a.id }), { closed: false });
  assert.throws(() => ws.session(a.id), /no open project/);
  await ws.dispose();
});
