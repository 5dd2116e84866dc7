import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { PNG } from 'pngjs';
import { main } from '../main.ts';
import { TINY_SPLIT } from '../../engine/model/testing.ts';
import { encodeGray8 } from '../../engine/segment/png.ts';
import { generateSequence } from '../../engine/synthetic/generate.ts';

let root = '';
let framesDir = '';
let gtDir = '';
before(async () => {
  root = await mkdtemp(join(tmpdir(), 'vss-cli-seg-'));
  framesDir = join(root, 'frames');
  gtDir = join(root, 'gt');
  await mkdir(framesDir);
  await mkdir(gtDir);
  for (const f of generateSequence({ width: 96, height: 64, frames: 6 })) {
    const png = new PNG({ width: 96, height: 64 });
    png.data = Buffer.from(f.rgba);
    await writeFile(join(framesDir, `f${f.index}.png`), PNG.sync.write(png));
    await writeFile(join(gtDir, `f${f.index}.png`), encodeGray8(96, 64, f.labels.data));
  }
});
after(async () => {
  await rm(root, { recursive: true, force: true });
});

async function vss(argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out, err };
}

test('vss segment on a frames folder, then vss eval of its labels: one JSON line each', async () => {
  const out = join(root, 'out');
  const s = await vss(['segment', framesDir, '--mode', 'dff', '--key-interval', '3', '--model', TINY_SPLIT, '--ep', 'cuda', '--out', out]);
  assert.equal(s.code, 0, s.err.join('\n'));
  const summary = JSON.parse(s.out[0]!) as { frames: number; keyFrames: number; executionProvider: string; notes: string[] };
  assert.equal(summary.frames, 6);
  assert.equal(summary.keyFrames, 2);
  assert.equal(summary.executionProvider, 'cpu');
  assert.ok(s.err.some((l) => /note: execution provider "cuda" is not available/.test(l)));
  assert.deepEqual((await readdir(join(out, 'labels'))).sort(), ['f0.png', 'f1.png', 'f2.png', 'f3.png', 'f4.png', 'f5.png']);

  const e = await vss(['eval', '--pred', join(out, 'labels'), '--gt', gtDir, '--model', TINY_SPLIT]);
  assert.equal(e.code, 0, e.err.join('\n'));
  assert.equal(e.out.length, 1);
  const r = JSON.parse(e.out[0]!) as { frames: number; miou: number; pixelAccuracy: number; iou: Record<string, number | null> };
  assert.equal(r.frames, 6);
  assert.ok(r.miou > 0 && r.pixelAccuracy > 0);
  assert.ok('Road' in r.iou);
});

test('vss segment without --mode runs per-frame', async () => {
  const s = await vss(['segment', framesDir, '--model', TINY_SPLIT, '--out', join(root, 'default-mode')]);
  assert.equal(s.code, 0, s.err.join('\n'));
  const summary = JSON.parse(s.out[0]!) as { mode: string; frames: number };
  assert.deepEqual([summary.mode, summary.frames], ['per-frame', 6]);
});

test('vss segment refuses bad flags and an existing output with one line', async () => {
  // Malformed flags are usage errors (exit 2); an existing output or a missing model fail the run (exit 1).
  const bad = await vss(['segment', framesDir, '--mode', 'warp', '--out', join(root, 'x')]);
  assert.equal(bad.code, 2);
  assert.match(bad.err[0]!, /^vss segment: --mode must be one of per-frame, dff, adaptive, fused, got "warp"$/);
  const k = await vss(['segment', framesDir, '--mode', 'dff', '--key-interval', '0', '--out', join(root, 'x')]);
  assert.equal(k.code, 2);
  assert.match(k.err[0]!, /--key-interval must be an integer 1\.\./);
  const exists = await vss(['segment', framesDir, '--mode', 'dff', '--model', TINY_SPLIT, '--out', framesDir]);
  assert.equal(exists.code, 1);
  assert.match(exists.err[0]!, /exists and is not empty \(use --force/);
  const model = await vss(['segment', framesDir, '--mode', 'dff', '--model', join(root, 'nope'), '--out', join(root, 'y')]);
  assert.equal(model.code, 1);
  assert.match(model.err[0]!, /model bundle folder not found/);
});

test('vss segment adaptive: batch schedule for batch runs, low latency with --realtime (frames fed at the camera rate)', async () => {
  const read = async (dir: string): Promise<{ settings: { lowLatency: boolean; realtime: boolean; fuseCurrent: number }; modeInfo: { lowLatency: boolean }; wallSec: number }> =>
    JSON.parse(await readFile(join(dir, 'summary.json'), 'utf8')) as { settings: { lowLatency: boolean; realtime: boolean; fuseCurrent: number }; modeInfo: { lowLatency: boolean }; wallSec: number };
  const batch = join(root, 'adaptive-batch');
  const b = await vss(['segment', framesDir, '--mode', 'adaptive', '--target-interval', '2', '--model', TINY_SPLIT, '--out', batch]);
  assert.equal(b.code, 0, b.err.join('\n'));
  const bs = await read(batch);
  assert.equal(bs.settings.realtime, false);
  assert.equal(bs.settings.lowLatency, false);
  assert.equal(bs.modeInfo.lowLatency, false);

  const live = join(root, 'adaptive-live');
  const t0 = performance.now();
  const l = await vss(['segment', framesDir, '--mode', 'adaptive', '--target-interval', '2', '--model', TINY_SPLIT, '--realtime', '--realtime-fps', '20', '--out', live]);
  const ms = performance.now() - t0;
  assert.equal(l.code, 0, l.err.join('\n'));
  const ls = await read(live);
  assert.equal(ls.settings.realtime, true);
  assert.equal(ls.modeInfo.lowLatency, true);
  // Pacing is a lower bound (frame 5 is not handed over before 5 / 20 s), not a speed check.
  assert.ok(ms >= 250, `6 frames at 20 fps took ${ms.toFixed(0)} ms`);

  // dff: the key in the middle of each run of K for batch runs, first with --realtime.
  for (const [name, extra, position] of [['dff-batch', [], 2], ['dff-live', ['--realtime', '--realtime-fps', '1000'], 0]] as const) {
    const r = await vss(['segment', framesDir, '--mode', 'dff', '--key-interval', '5', '--model', TINY_SPLIT, ...extra, '--out', join(root, name)]);
    assert.equal(r.code, 0, r.err.join('\n'));
    const info = JSON.parse(await readFile(join(root, name, 'summary.json'), 'utf8')) as { modeInfo: { keyPosition: number; lowLatency: boolean } };
    assert.deepEqual([info.modeInfo.keyPosition, info.modeInfo.lowLatency], [position, position === 0]);
  }

  const forced = join(root, 'adaptive-forced');
  const f = await vss(['segment', framesDir, '--mode', 'fused', '--fuse-current', '2', '--model', TINY_SPLIT, '--realtime', '--realtime-fps', '1000', '--no-low-latency', '--out', forced]);
  assert.equal(f.code, 0, f.err.join('\n'));
  const fs = await read(forced);
  assert.equal(fs.settings.lowLatency, false);
  assert.equal(fs.settings.fuseCurrent, 2);
});

test('vss segment refuses contradictory or incomplete schedule flags with one line', async () => {
  const both = await vss(['segment', framesDir, '--mode', 'adaptive', '--low-latency', '--no-low-latency', '--out', join(root, 'z')]);
  assert.equal(both.code, 2);
  assert.match(both.err[0]!, /^vss segment: --low-latency and --no-low-latency exclude each other$/);
  const rate = await vss(['segment', framesDir, '--mode', 'adaptive', '--realtime-fps', '15', '--out', join(root, 'z')]);
  assert.match(rate.err[0]!, /--realtime-fps needs --realtime/);
  const zero = await vss(['segment', framesDir, '--mode', 'adaptive', '--realtime', '--realtime-fps', '0', '--out', join(root, 'z')]);
  assert.match(zero.err[0]!, /--realtime-fps must be a number in \(0, 1000\]/);
  const w = await vss(['segment', framesDir, '--mode', 'fused', '--fuse-current', '0', '--out', join(root, 'z')]);
  assert.match(w.err[0]!, /^vss segment: --fuse-current must be a number in \(0, 100\], got 0$/);
  for (const r of [rate, zero, w]) assert.equal(r.code, 2, r.err[0]);
});
