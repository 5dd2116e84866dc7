/** Bad input: each case fails with a VssError of the right code and a one-line message naming the problem. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { VssError } from '../../core/errors.ts';
import { createVideoService, type VideoServiceExt } from './service.ts';
import { makeClip, makePngFolder, makeTempDir, runFfmpeg } from './testing/make-clip.ts';

let dir: string;
let svc: VideoServiceExt;
let good: string;
before(async () => {
  dir = makeTempDir('vss-bad-');
  svc = createVideoService();
  good = await makeClip({ name: 'good.mp4', dir, width: 160, height: 96, frames: 48, codecArgs: ['-c:v', 'libx264', '-preset', 'ultrafast', '-bf', '2', '-g', '12'] });
});
after(async () => {
  await svc.dispose();
  rmSync(dir, { recursive: true, force: true });
});

async function rejects(p: Promise<unknown>, code: string, pattern: RegExp): Promise<void> {
  await assert.rejects(p, (e: unknown) => {
    assert.ok(e instanceof VssError, `a VssError, got ${String(e)}`);
    assert.equal(e.code, code, e.message);
    assert.match(e.message, pattern);
    assert.ok(!e.message.includes('\n'), 'one line');
    return true;
  });
}

/** Overwrites `n` bytes in the middle of the file's second half with garbage. */
function damage(src: string, dst: string, n = 300): void {
  const b = readFileSync(src);
  const at = Math.floor(b.length * 0.6);
  for (let i = at; i < at + n && i < b.length; i++) b[i] = (i * 37) & 255;
  writeFileSync(dst, b);
}

describe('bad input', () => {
  test('missing path is NOT_FOUND', () => rejects(svc.open(join(dir, 'nope.mp4')), 'NOT_FOUND', /no such file or folder/));

  test('empty folder and folder without images are NOT_FOUND', async () => {
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    await rejects(svc.open(empty), 'NOT_FOUND', /folder is empty/);
    const notes = join(dir, 'notes');
    mkdirSync(notes);
    writeFileSync(join(notes, 'readme.txt'), 'hi');
    await rejects(svc.open(notes), 'NOT_FOUND', /no PNG or JPG frames/);
  });

  test('zero-byte file is CORRUPT', async () => {
    writeFileSync(join(dir, 'zero.mp4'), '');
    await rejects(svc.open(join(dir, 'zero.mp4')), 'CORRUPT', /empty \(0 bytes\)/);
  });

  test('a text file named .mp4 is UNSUPPORTED', async () => {
    writeFileSync(join(dir, 'text.mp4'), 'this is not a video\n');
    await rejects(svc.open(join(dir, 'text.mp4')), 'UNSUPPORTED', /not a video file/);
  });

  test('an MP4 cut in half (moov missing) is CORRUPT', async () => {
    const b = readFileSync(good);
    writeFileSync(join(dir, 'half.mp4'), b.subarray(0, b.length >> 1));
    await rejects(svc.open(join(dir, 'half.mp4')), 'CORRUPT', /truncated or damaged MP4/);
  });

  test('an audio-only file is UNSUPPORTED', async () => {
    const p = join(dir, 'audio.m4a');
    await runFfmpeg(['-v', 'error', '-y', '-f', 'lavfi', '-i', 'sine=duration=0.5', p]);
    await rejects(svc.open(p), 'UNSUPPORTED', /no video stream \(audio-only/);
  });

  test('an unknown codec (AVI fourcc ZZZZ) is UNSUPPORTED', async () => {
    const p = await makeClip({ name: 'z.avi', dir, width: 64, height: 32, frames: 5, codecArgs: ['-c:v', 'mpeg4'] });
    const b = readFileSync(p);
    const head = Buffer.from(b.subarray(0, 4096).toString('latin1').replaceAll('FMP4', 'ZZZZ'), 'latin1');
    head.copy(b);
    writeFileSync(p, b);
    await rejects(svc.open(p), 'UNSUPPORTED', /unsupported video codec .*ZZZZ/);
  });

  test('frame index out of range, negative or not an integer', async () => {
    const info = await svc.open(good);
    await rejects(svc.frame(info.id, 48), 'OUT_OF_RANGE', /frame index 48 is out of range \(0-47\)/);
    await rejects(svc.frame(info.id, -1), 'OUT_OF_RANGE', /frame index -1 is out of range/);
    await rejects(svc.frame(info.id, 1.5), 'BAD_REQUEST', /must be an integer, got 1.5/);
    await rejects(svc.frame('v999', 0), 'NOT_FOUND', /no open video/);
  });

  test('frames of different sizes in a folder are UNSUPPORTED', async () => {
    const d = makePngFolder(['a1.png', 'a2.png'], 32, 16);
    makePngFolder(['a3.png'], 16, 16, undefined, d);
    await rejects(svc.open(d), 'UNSUPPORTED', /frames differ in size: a1.png is 32x16 but a3.png is 16x16/);
    rmSync(d, { recursive: true, force: true });
  });

  for (const [name, codecArgs] of [
    ['damaged.avi', ['-c:v', 'mpeg4', '-bf', '2', '-g', '12']],
    ['damaged.mp4', ['-c:v', 'libx264', '-preset', 'ultrafast', '-bf', '2', '-g', '12']],
  ] as const) {
    test(`${name}: bytes overwritten mid-file open with a warning naming the bad frames`, async () => {
      const src = await makeClip({ name: `src-${name}`, dir, width: 160, height: 96, frames: 48, codecArgs: [...codecArgs] });
      const p = join(dir, name);
      damage(src, p);
      const info = await svc.open(p);
      assert.ok(info.frameCount > 0 && info.frameCount <= 48);
      assert.ok(info.badFrames.length > 0, 'bad frames found');
      assert.ok(info.badFrames.every((i) => i > 0 && i < info.frameCount));
      assert.match(info.warnings.join(' '), new RegExp(`damaged video: frames? ${info.badFrames[0]}`));
      const f = await svc.frame(info.id, info.frameCount - 1);
      assert.equal(f.index, info.frameCount - 1, 'frames after the damage still decode');
    });
  }
});
