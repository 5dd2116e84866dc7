/**
 * Both output transports of a decode run (socket pair read straight into frame buffers, and the
 * stdout pipe with one copy) give frames byte-equal to the plain sequential decode, also when
 * paused and resumed mid-frame, and a kill before the first byte ends the run as CANCELLED.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { rmSync } from 'node:fs';
import type { VssError } from '../../core/errors.ts';
import { DecodeRun, type DecodeRunOptions } from './decode-run.ts';
import { openVideoFile } from './open-video.ts';
import type { VideoFileSource } from './source.ts';
import { makeClip, makeTempDir } from './testing/make-clip.ts';
import { referenceFrames } from './testing/reference-decode.ts';

const W = 160;
const H = 96;
let dir: string;
let src: VideoFileSource;
let ref: Uint8Array[];
before(async () => {
  dir = makeTempDir('vss-run-');
  const path = await makeClip({ name: 'r.mp4', dir, width: W, height: H, frames: 36, codecArgs: ['-c:v', 'libx264', '-preset', 'ultrafast', '-bf', '3', '-g', '12'] });
  src = await openVideoFile(path);
  ref = await referenceFrames(path, W, H);
});
after(() => rmSync(dir, { recursive: true, force: true }));

function decode(o: Pick<DecodeRunOptions, 'from' | 'to' | 'transport'>, pauseEvery = 0): Promise<{ frames: Map<number, Uint8Array>; err: VssError | undefined }> {
  return new Promise((resolve) => {
    const frames = new Map<number, Uint8Array>();
    const run: DecodeRun = new DecodeRun(src, {
      ...o,
      onFrame: (i, rgba) => {
        frames.set(i, rgba);
        if (pauseEvery && frames.size % pauseEvery === 0) {
          run.pause();
          setTimeout(() => run.resume(), 5);
        }
      },
      onEnd: (err) => resolve({ frames, err }),
    });
  });
}

describe('decode run transports', () => {
  for (const transport of ['socket', 'pipe'] as const) {
    test(`${transport}: frames 14-33 equal the sequential reference, with pauses`, async () => {
      const { frames, err } = await decode({ from: 14, to: 33, transport }, 3);
      assert.equal(err, undefined);
      assert.deepEqual([...frames.keys()], [...Array(20).keys()].map((k) => k + 14));
      for (const [i, f] of frames) assert.ok(Buffer.from(f).equals(Buffer.from(ref[i]!)), `frame ${i} differs`);
    });
  }

  test('kill before any output: CANCELLED, no frames', async () => {
    const { frames, err } = await new Promise<{ frames: number; err: VssError | undefined }>((resolve) => {
      let n = 0;
      const run = new DecodeRun(src, { from: 0, to: 35, onFrame: () => n++, onEnd: (e) => resolve({ frames: n, err: e }) });
      run.kill();
    });
    assert.equal(frames, 0);
    assert.equal(err?.code, 'CANCELLED');
  });
});
