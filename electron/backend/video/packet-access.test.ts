/**
 * The packet feed (packet-access.ts): every frame, fetched in a scrambled order with the cache
 * cleared before each (cold random access), is served by the feed and equals byte for byte the
 * plain sequential decode, on H.264 with B-frames (b-pyramid: reference and non-reference
 * B-frames) and on open-GOP H.265 (CRA + RASL, leading pictures decoded through the CRA).
 * Non-reference pictures are really left out. Other cases take the seek path, and a decoder
 * output count that differs from the plan is refused.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { buildFeed } from './feed-plan.ts';
import { readCodecConfig } from './mp4-config.ts';
import { openVideoFile } from './open-video.ts';
import { PacketDecoder } from './packet-decoder.ts';
import { createVideoService, type VideoServiceExt } from './service.ts';
import { readIndexPattern } from './testing/index-pattern.ts';
import { makeClip, makeTempDir } from './testing/make-clip.ts';
import { referenceFrames } from './testing/reference-decode.ts';

const W = 160;
const H = 96;
const N = 60;

const CLIPS = {
  'H.264, 3 B-frames with b-pyramid, GOP 24': {
    name: 'h264.mp4',
    codecArgs: ['-c:v', 'libx264', '-preset', 'ultrafast', '-bf', '3', '-g', '24', '-x264-params', 'b-pyramid=normal:scenecut=0'],
  },
  'open-GOP H.265 (CRA + RASL), GOP 16': {
    name: 'hevc.mp4',
    codecArgs: ['-c:v', 'libx265', '-x265-params', 'keyint=16:min-keyint=16:open-gop=1:bframes=3:scenecut=0:log-level=error'],
  },
};

let dir: string;
let svc: VideoServiceExt;
before(() => {
  dir = makeTempDir('vss-feed-');
  svc = createVideoService();
});
after(async () => {
  await svc.dispose();
  rmSync(dir, { recursive: true, force: true });
});

function scrambled(n: number): number[] {
  return [...Array(n).keys()].sort((a, b) => ((a * 7919) % 61) - ((b * 7919) % 61) || a - b);
}

describe('packet feed random access', () => {
  for (const [label, clip] of Object.entries(CLIPS)) {
    test(`${label}: every cold access is fed and equals the sequential reference`, async () => {
      const path = await makeClip({ ...clip, dir, width: W, height: H, frames: N });
      const info = await svc.open(path);
      const ref = await referenceFrames(path, W, H);
      assert.equal(ref.length, N);
      // H.264: the long-lived decoder primes itself in the background after open, and accesses
      // never wait for it (they take one-shot decoders meanwhile). On a busy machine that priming
      // can outlast the first accesses, so wait until one is served warm before counting.
      if (label.startsWith('H.264')) {
        const until = performance.now() + 20_000;
        for (let k = 0; ; k++) {
          svc.clearCache();
          const before = svc.decodeLog(info.id).length;
          await svc.frame(info.id, k % 2 ? 20 : 40); // backward jumps: random access, not playback
          if (svc.decodeLog(info.id)[before]?.warm || performance.now() > until) break;
          await new Promise((r) => setTimeout(r, 50));
        }
      }
      let fed = 0;
      let span = 0;
      let warm = 0;
      for (const i of scrambled(N)) {
        svc.clearCache();
        const before = svc.decodeLog(info.id).length;
        const f = await svc.frame(info.id, i);
        assert.ok(Buffer.from(f.rgba).equals(Buffer.from(ref[i]!)), `frame ${i} differs from the reference`);
        assert.equal(readIndexPattern(f.rgba, W, H), i);
        const rec = svc.decodeLog(info.id)[before];
        assert.equal(rec?.via, 'packets', `frame ${i} was served by the packet feed`);
        assert.equal(rec.from, i);
        fed += rec.fed! - rec.pushers!;
        span += rec.span!;
        if (rec.warm) warm++;
      }
      assert.ok(fed < span * 0.8, `non-reference pictures were left out (${fed} fed of ${span})`);
      // The last frames have too few pictures after them to push them out of the long-lived
      // decoder (reorder delay 2 + 1 frame thread here): those take a one-shot decoder.
      if (label.startsWith('H.264')) assert.ok(warm >= N - 3, `H.264: the long-lived stream decoder served ${warm} of ${N}`);
      else assert.equal(warm, 0, 'H.265 takes one-shot decoders');
    });
  }

  test('other codecs and containers take the seek path', async () => {
    for (const [name, codecArgs] of [
      ['m.avi', ['-c:v', 'mpeg4', '-bf', '2', '-g', '12']],
      ['k.mkv', ['-c:v', 'libx264', '-preset', 'ultrafast', '-bf', '2', '-g', '12']],
    ] as const) {
      const path = await makeClip({ name, codecArgs: [...codecArgs], dir, width: W, height: H, frames: 24 });
      const info = await svc.open(path);
      svc.clearCache();
      const f = await svc.frame(info.id, 17);
      assert.equal(readIndexPattern(f.rgba, W, H), 17);
      assert.ok(svc.decodeLog(info.id).every((r) => r.via === 'seek'), `${name}: seek path only`);
    }
  });

  test('a decoder output count other than planned is refused', async () => {
    const path = await makeClip({ ...CLIPS['H.264, 3 B-frames with b-pyramid, GOP 24'], name: 'count.mp4', dir, width: W, height: H, frames: 30 });
    const src = await openVideoFile(path);
    const cfg = await readCodecConfig(path, src.probe.streamIndex);
    assert.ok(cfg);
    assert.equal(cfg.lengthSize, 4);
    const fh = await open(path, 'r');
    const feed = await buildFeed(fh, src.packets!, src.index, cfg, 22);
    await fh.close();
    assert.ok(feed && feed.pictures < feed.span);
    const opts = { codec: 'h264' as const, threads: 1, frameBytes: W * H * 4 };
    const good = await (await PacketDecoder.start(opts)).decode(feed, []);
    assert.ok(good && readIndexPattern(good, W, H) === 22);
    const bad = await (await PacketDecoder.start(opts)).decode({ ...feed, pictures: feed.pictures + 1 }, []);
    assert.equal(bad, null);
  });
});
