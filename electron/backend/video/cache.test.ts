/** Frame cache limits, request dedupe, sequential prefetch through one decoder, frames folders. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { rmSync } from 'node:fs';
import { FrameCache } from './frame-cache.ts';
import { naturalSort } from './natural-sort.ts';
import { createVideoService } from './service.ts';
import { readIndexPattern } from './testing/index-pattern.ts';
import { makeClip, makePngFolder, makeTempDir, runFfmpeg } from './testing/make-clip.ts';
import type { DecodedFrame } from './types.ts';

const W = 160;
const H = 96;
const FRAME = W * H * 4;
let dir: string;
let clip: string;
before(async () => {
  dir = makeTempDir('vss-cache-');
  clip = await makeClip({ name: 'c.mp4', dir, width: W, height: H, frames: 48, codecArgs: ['-c:v', 'libx264', '-preset', 'ultrafast', '-bf', '3', '-g', '12'] });
});
after(() => rmSync(dir, { recursive: true, force: true }));

const frame = (index: number, bytes: number): DecodedFrame => ({ index, width: 1, height: 1, pts: 0, rgba: new Uint8Array(bytes) });

describe('FrameCache', () => {
  test('evicts least recently used frames beyond the byte limit', () => {
    const c = new FrameCache(300);
    c.set('a', frame(0, 100));
    c.set('a', frame(1, 100));
    c.set('a', frame(2, 100));
    assert.ok(c.get('a', 0), 'touch frame 0: now most recent');
    c.set('a', frame(3, 100));
    assert.equal(c.has('a', 1), false, 'frame 1 was least recently used');
    assert.deepEqual([c.has('a', 0), c.has('a', 2), c.has('a', 3)], [true, true, true]);
    assert.equal(c.sizeBytes, 300);
    assert.equal(c.evictions, 1);
  });

  test('never stores a frame larger than the limit, clears per video', () => {
    const c = new FrameCache(100);
    c.set('a', frame(0, 200));
    assert.equal(c.count, 0);
    c.set('a', frame(1, 50));
    c.set('b', frame(1, 50));
    c.clear('a');
    assert.deepEqual([c.has('a', 1), c.has('b', 1), c.sizeBytes], [false, true, 50]);
  });
});

describe('video service cache and prefetch', () => {
  test('honours a small cache limit while playing through (evicts)', async () => {
    const svc = createVideoService({ cacheMB: (8 * FRAME) / (1024 * 1024) });
    const info = await svc.open(clip);
    for (let i = 0; i < info.frameCount; i++) {
      svc.playhead(info.id, i, 1);
      const f = await svc.frame(info.id, i);
      assert.equal(readIndexPattern(f.rgba, W, H), i);
      assert.ok(svc.cache.sizeBytes <= 8 * FRAME, 'within the limit');
    }
    assert.ok(svc.cache.evictions > 0, 'old frames were evicted');
    await svc.dispose();
  });

  test('forward play streams from ONE long-lived decoder; a jump starts a new one at a keyframe', async () => {
    const svc = createVideoService({ aheadFrames: 4, packetAccess: false }); // the run structure of the seek path
    const info = await svc.open(clip);
    for (let i = 0; i < 10; i++) {
      svc.playhead(info.id, i, 1);
      await svc.frame(info.id, i);
    }
    assert.equal(svc.decodeLog(info.id).length, 1, 'one decoder for the whole forward play');
    svc.playhead(info.id, 45, 0);
    const f = await svc.frame(info.id, 45);
    assert.equal(readIndexPattern(f.rgba, W, H), 45);
    const log = svc.decodeLog(info.id);
    assert.equal(log.length, 2);
    assert.ok(log[1]!.startKeyframe >= 36 && log[1]!.startKeyframe <= 45, `jump starts at keyframe ${log[1]!.startKeyframe}`);
    await svc.dispose();
  });

  test('concurrent requests for the same frame share one decode', async () => {
    const svc = createVideoService({ packetAccess: false }); // packet-access.test.ts covers the feed
    const info = await svc.open(clip);
    const [a, b, c] = await Promise.all([svc.frame(info.id, 20), svc.frame(info.id, 20), svc.frame(info.id, 21)]);
    assert.equal(a, b);
    assert.equal(c.index, 21);
    assert.equal(svc.decodeLog(info.id).length, 1, 'frame 21 came from the same run');
    await svc.dispose();
  });

  test('backward play prefetches the frames before the playhead', async () => {
    const svc = createVideoService();
    const info = await svc.open(clip);
    await svc.frame(info.id, 40);
    svc.playhead(info.id, 40, -1);
    for (let i = 39; i >= 30; i--) assert.equal(readIndexPattern((await svc.frame(info.id, i)).rgba, W, H), i);
    await svc.dispose();
  });
});

describe('frames folders', () => {
  test('natural order: frame2 < frame10', () => {
    assert.deepEqual(naturalSort(['frame10.png', 'frame2.png', 'Frame1.png']), ['Frame1.png', 'frame2.png', 'frame10.png']);
  });

  test('PNG folder opens in natural order and serves exact frames', async () => {
    const names = ['f10.png', 'f2.png', 'f1.png', 'f20.png'];
    const sorted = naturalSort(names);
    const d = makePngFolder(sorted, 64, 32);
    const svc = createVideoService();
    const info = await svc.open(d);
    assert.deepEqual(info.frameNames, ['f1.png', 'f2.png', 'f10.png', 'f20.png']);
    assert.deepEqual([info.kind, info.width, info.height, info.frameCount], ['frames', 64, 32, 4]);
    for (let i = 0; i < 4; i++) assert.equal(readIndexPattern((await svc.frame(info.id, i)).rgba, 64, 32), i);
    await svc.dispose();
    rmSync(d, { recursive: true, force: true });
  });

  test('JPG folder decodes through ffmpeg', async () => {
    const png = makePngFolder(['a.png', 'b.png'], 64, 32);
    for (const n of ['a', 'b']) await runFfmpeg(['-v', 'error', '-y', '-i', `${png}/${n}.png`, '-q:v', '2', `${png}/${n}.jpg`]);
    rmSync(`${png}/a.png`);
    rmSync(`${png}/b.png`);
    const svc = createVideoService();
    const info = await svc.open(png);
    assert.equal(info.codec, 'jpg');
    const f = await svc.frame(info.id, 1);
    assert.equal(f.rgba.byteLength, 64 * 32 * 4);
    assert.equal(readIndexPattern(f.rgba, 64, 32), 1);
    await svc.dispose();
    rmSync(png, { recursive: true, force: true });
  });
});
