/** `vss probe` and `vss frame`: one JSON line out, exact PNG written atomically, one-line errors with exit 1. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { PNG } from 'pngjs';
import { main } from '../main.ts';
import { readIndexPattern } from '../../backend/video/testing/index-pattern.ts';
import { makeClip, makePngFolder, makeTempDir } from '../../backend/video/testing/make-clip.ts';

let dir: string;
let clip: string;
before(async () => {
  dir = makeTempDir('vss-cli-video-');
  clip = await makeClip({ name: 'c.mp4', dir, width: 160, height: 96, frames: 40, codecArgs: ['-c:v', 'libx264', '-preset', 'ultrafast', '-bf', '3', '-g', '12'] });
});
after(() => rmSync(dir, { recursive: true, force: true }));

async function vss(...argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out, err };
}

describe('vss probe', () => {
  test('prints one JSON line with the required fields', async () => {
    const r = await vss('probe', clip);
    assert.equal(r.code, 0);
    assert.equal(r.out.length, 1);
    const j = JSON.parse(r.out[0]!) as Record<string, unknown>;
    assert.deepEqual(
      [j.width, j.height, j.fps, j.frameCount, j.codec, j.durationSec, j.variableFrameRate, j.rotation],
      [160, 96, 25, 40, 'h264', 1.6, false, 0],
    );
    assert.deepEqual([j.warnings, j.badFrames, j.timestamps], [[], [], undefined]);
  });

  test('--timestamps adds the timestamps; a frames folder lists its frame names', async () => {
    const r = await vss('probe', clip, '--timestamps');
    const j = JSON.parse(r.out[0]!) as { timestamps: number[] };
    assert.equal(j.timestamps.length, 40);
    assert.equal(j.timestamps[1], 0.04);
    const d = makePngFolder(['x1.png', 'x2.png', 'x10.png'], 32, 16);
    const f = JSON.parse((await vss('probe', d)).out[0]!) as { frameNames: string[]; frameCount: number };
    assert.deepEqual(f.frameNames, ['x1.png', 'x2.png', 'x10.png']);
    rmSync(d, { recursive: true, force: true });
  });

  test('bad input: one line "vss probe: <message>", exit code 1', async () => {
    writeFileSync(join(dir, 'text.mp4'), 'not a video');
    for (const [p, msg] of [
      [join(dir, 'missing.mp4'), /^vss probe: no such file or folder: /],
      [join(dir, 'text.mp4'), /^vss probe: not a video file/],
    ] as const) {
      const r = await vss('probe', p);
      assert.equal(r.code, 1);
      assert.equal(r.err.length, 1);
      assert.match(r.err[0]!, msg);
    }
  });
});

describe('vss frame', () => {
  test('writes exactly frame N as PNG and prints {index,width,height,pts,out}', async () => {
    const out = join(dir, 'f33.png');
    const r = await vss('frame', clip, '--index', '33', '--out', out);
    assert.equal(r.code, 0, r.err.join('\n'));
    assert.deepEqual(JSON.parse(r.out[0]!), { index: 33, width: 160, height: 96, pts: 1.32, out });
    const png = PNG.sync.read(readFileSync(out));
    assert.equal(readIndexPattern(png.data, png.width, png.height), 33);
    assert.deepEqual(readdirSync(dir).filter((n) => n.endsWith('.tmp')), [], 'no temp file left behind');
  });

  test('out-of-range, negative and non-integer indices fail in one line (past the end: exit 1; malformed: usage, exit 2)', async () => {
    const out = join(dir, 'bad.png');
    const cases: [string, RegExp, number][] = [
      ['40', /^vss frame: frame index 40 is out of range \(0-39\)$/, 1],
      ['-1', /^vss frame: --index must be an integer >= 0, got -1$/, 2],
      ['1.5', /^vss frame: --index must be an integer >= 0, got "1.5"$/, 2],
    ];
    for (const [idx, msg, code] of cases) {
      const r = await vss('frame', clip, `--index=${idx}`, '--out', out);
      assert.equal(r.code, code, idx);
      assert.match(r.err[0]!, msg);
    }
    assert.equal(existsSync(out), false);
  });

  test('the real binary exits non-zero with one line and no stack trace', () => {
    const r = spawnSync(process.execPath, ['bin/vss.mjs', 'frame', join(dir, 'missing.mp4'), '--index', '0', '--out', join(dir, 'x.png')], { encoding: 'utf8' });
    assert.equal(r.status, 1);
    assert.equal(r.stderr.trim(), `vss frame: no such file or folder: ${join(dir, 'missing.mp4')}`);
  });
});
