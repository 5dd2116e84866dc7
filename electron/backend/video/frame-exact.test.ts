/**
 * Frame-exactness: for each codec, every frame fetched in a scrambled order (cache cleared
 * before each, so each is a cold random access) equals byte for byte the same frame of a plain
 * sequential `ffmpeg -vsync 0 -f rawvideo -pix_fmt rgba` decode, and late frames are decoded
 * from a keyframe > 0 (never from the start of the file).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { rmSync } from 'node:fs';
import { openVideoFile } from './open-video.ts';
import { createVideoService, type VideoServiceExt } from './service.ts';
import { readIndexPattern } from './testing/index-pattern.ts';
import { makeClip, makeTempDir, type ClipOptions } from './testing/make-clip.ts';
import { referenceFrames } from './testing/reference-decode.ts';

const W = 160;
const H = 96;
const N = 48;

const CLIPS: Record<string, Omit<ClipOptions, 'width' | 'height' | 'frames'>> = {
  'H.264 with B-frames (b-pyramid), GOP 12': {
    name: 'h264.mp4',
    codecArgs: ['-c:v', 'libx264', '-preset', 'ultrafast', '-bf', '3', '-g', '12', '-x264-params', 'b-pyramid=normal:scenecut=0'],
  },
  'open-GOP H.265 (CRA + RASL)': {
    name: 'hevc.mp4',
    codecArgs: ['-c:v', 'libx265', '-x265-params', 'keyint=12:min-keyint=12:open-gop=1:bframes=3:scenecut=0:log-level=error'],
  },
  'MPEG-4 Part 2 in AVI with B-frames': { name: 'mpeg4.avi', codecArgs: ['-c:v', 'mpeg4', '-bf', '2', '-g', '12'] },
  'rotated H.264 (display matrix)': {
    name: 'rot.mp4',
    codecArgs: ['-c:v', 'libx264', '-preset', 'ultrafast', '-bf', '2', '-g', '12'],
    rotate: 90,
  },
  'variable frame rate H.264 in MKV': {
    name: 'vfr.mkv',
    codecArgs: ['-c:v', 'libx264', '-preset', 'ultrafast', '-bf', '0', '-g', '12', '-vsync', '0'],
    filter: "setpts='if(lt(N,20),N*2,N+20)'", // input time base is 1/25: 80 ms steps, then 40 ms
  },
  'H.264 with duplicate timestamps (rounded setpts)': {
    name: 'dup.mkv',
    codecArgs: ['-c:v', 'libx264', '-preset', 'ultrafast', '-bf', '0', '-g', '12', '-vsync', '0'],
    filter: "setpts='if(lt(N,20),N*2,N+20)/25/TB'", // float rounding repeats two timestamps
  },
};

let dir: string;
let svc: VideoServiceExt;
before(() => {
  dir = makeTempDir('vss-exact-');
  svc = createVideoService();
});
after(async () => {
  await svc.dispose();
  rmSync(dir, { recursive: true, force: true });
});

/** A fixed scrambled order of 0..n-1. */
function scrambled(n: number): number[] {
  return [...Array(n).keys()].sort((a, b) => ((a * 7919) % 53) - ((b * 7919) % 53) || a - b);
}

describe('frame-exact random access', () => {
  for (const [label, clip] of Object.entries(CLIPS)) {
    test(`${label}: cold random access equals the sequential reference decode`, async () => {
      const path = await makeClip({ ...clip, dir, width: W, height: H, frames: N });
      const info = await svc.open(path);
      const ref = await referenceFrames(path, info.width, info.height);
      assert.equal(info.frameCount, N, 'probe counts every frame');
      assert.equal(ref.length, N, 'reference decode has every frame');
      assert.equal(info.timestamps.length, N);
      if (clip.rotate) {
        assert.equal(info.rotation % 180, 90, 'rotation is a quarter turn');
        assert.deepEqual([info.width, info.height], [H, W], 'display size is rotated');
      } else assert.deepEqual([info.width, info.height], [W, H]);
      for (const i of scrambled(N)) {
        svc.clearCache();
        const f = await svc.frame(info.id, i);
        assert.equal(f.index, i);
        assert.equal(f.pts, info.timestamps[i]);
        assert.ok(Buffer.from(f.rgba).equals(Buffer.from(ref[i]!)), `frame ${i} differs from the reference`);
        if (!clip.rotate) assert.equal(readIndexPattern(f.rgba, W, H), i, `frame ${i} shows its own number`);
      }
      const late = svc.decodeLog(info.id).filter((r) => r.from >= 40);
      assert.ok(late.length > 0 && late.every((r) => r.startKeyframe > 0), 'late frames start from a later keyframe');
    });
  }

  test('open-GOP H.265 really has leading pictures that precede a later keyframe', async () => {
    const path = await makeClip({ ...CLIPS['open-GOP H.265 (CRA + RASL)']!, name: 'hevc2.mp4', dir, width: W, height: H, frames: N });
    const { index } = await openVideoFile(path);
    const leading = index.pts.some((p, t) =>
      index.keyframes.some((k) => k > 0 && p < index.pts[k]! && index.decodePos[t]! > index.decodePos[k]!),
    );
    assert.ok(leading, 'some frame is shown before a keyframe but decoded after it (RASL)');
    assert.ok(index.keyframes.length >= 4, `keyframes: ${index.keyframes.join(',')}`);
  });

  test('variable frame rate is detected with true timestamps', async () => {
    const info = svc.list().find((v) => v.path.endsWith('vfr.mkv'));
    assert.ok(info, 'VFR clip was opened');
    assert.equal(info.variableFrameRate, true);
    assert.ok(Math.abs(info.timestamps[1]! - 0.08) < 0.002, `first interval 80 ms, got ${info.timestamps[1]}`);
    assert.ok(Math.abs(info.timestamps[N - 1]! - info.timestamps[N - 2]! - 0.04) < 0.002, 'last interval 40 ms');
    const cfr = svc.list().find((v) => v.path.endsWith('h264.mp4'));
    assert.equal(cfr?.variableFrameRate, false);
    assert.equal(cfr?.fps, 25);
  });
});
