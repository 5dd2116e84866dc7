/**
 * The long-lived stream decoder (stream-decoder.ts) alone: requests one after another give
 * the exact frames; a request it cannot finish (no pushers: the target stays in the reorder
 * buffer) or damaged data fails with null and retires the decoder instead of going out of step.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { rmSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { buildFeed, buildPushers, type FedPicture } from './feed-plan.ts';
import { readCodecConfig, type CodecConfig } from './mp4-config.ts';
import { openVideoFile } from './open-video.ts';
import type { VideoFileSource } from './source.ts';
import { StreamDecoder } from './stream-decoder.ts';
import { readIndexPattern } from './testing/index-pattern.ts';
import { makeClip, makeTempDir } from './testing/make-clip.ts';

const W = 96;
const H = 64;
let dir: string;
let src: VideoFileSource;
let cfg: CodecConfig;
let fh: FileHandle;

before(async () => {
  dir = makeTempDir('vss-stream-');
  const path = await makeClip({ name: 's.mp4', dir, width: W, height: H, frames: 36, codecArgs: ['-c:v', 'libx264', '-preset', 'ultrafast', '-bf', '3', '-g', '12', '-x264-params', 'b-pyramid=normal:scenecut=0'] });
  src = await openVideoFile(path);
  const c = await readCodecConfig(path, src.probe.streamIndex);
  assert.ok(c);
  cfg = c;
  fh = await open(path, 'r');
});
after(async () => {
  await fh.close();
  rmSync(dir, { recursive: true, force: true });
});

const THREADS = 2;

async function request(target: number, withPushers = true): Promise<{ pictures: FedPicture[]; target: number }> {
  const feed = await buildFeed(fh, src.packets!, src.index, cfg, target);
  assert.ok(feed);
  const pushers = withPushers ? await buildPushers(fh, src.packets!, cfg, feed, src.probe.videoDelay + THREADS - 1) : [];
  assert.ok(pushers);
  return { pictures: [...feed.fed, ...pushers], target: feed.fed.length - 1 };
}

function start(): Promise<StreamDecoder> {
  return StreamDecoder.start({ threads: THREADS, width: W, height: H, filters: [], paramSets: cfg.paramSets });
}

test('successive requests give the exact frames', async () => {
  const d = await start();
  for (const i of [0, 7, 30, 13, 2, 25, 11, 12]) {
    const r = await request(i);
    const f = await d.decode(r.pictures, r.target);
    assert.ok(f, `frame ${i} served`);
    assert.equal(readIndexPattern(f, W, H), i);
  }
  assert.ok(d.ready);
  d.retire();
});

test('a target that cannot come out fails and retires the decoder', async () => {
  const d = await start();
  const r = await request(9, false);
  assert.equal(await d.decode(r.pictures, r.target), null);
  assert.equal(d.alive, false);
  assert.equal(d.failure, 'timeout');
});

test('damaged data fails and retires the decoder', async () => {
  const d = await start();
  const r = await request(5);
  const broken = r.pictures.map((p, i) => (i === 1 ? { ...p, data: p.data.map((b, k) => (k > 8 ? b ^ 0x5a : b)) } : p));
  assert.equal(await d.decode(broken, r.target), null);
  assert.equal(d.alive, false);
  assert.equal(d.failure, 'error');
  // A request that does not start with a keyframe is refused without touching a decoder.
  const d2 = await start();
  const ok = await request(5);
  assert.equal(await d2.decode(ok.pictures.slice(1), ok.target - 1), null);
  assert.ok(d2.ready);
  d2.retire();
});
