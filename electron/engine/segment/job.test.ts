import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { TINY_SPLIT } from '../model/testing.ts';
import { generateSequence } from '../synthetic/generate.ts';
import { segmentJob } from './job.ts';
import { decodeGray8 } from './png.ts';
import { segmentSettings } from './settings.ts';
import type { SegmentSummary, SourceFrame } from './types.ts';

const seq = generateSequence({ width: 96, height: 64, frames: 8 });
let root = '';
before(async () => {
  root = await mkdtemp(join(tmpdir(), 'vss-job-'));
});
after(async () => {
  await rm(root, { recursive: true, force: true });
});

async function* frames(): AsyncIterable<SourceFrame> {
  for (const f of seq) yield { index: f.index, stem: `img_${f.index}`, width: 96, height: 64, rgba: f.rgba, decodeMs: 0.5 };
}

function job(out: string, force = false) {
  return { settings: segmentSettings({ mode: 'adaptive', model: TINY_SPLIT, threads: 1, targetInterval: 3 }), out, force, source: 'synthetic', total: seq.length };
}

const leftovers = async (): Promise<string[]> => (await readdir(root)).filter((n) => n.includes('.tmp-') || n.includes('.old-'));

describe('segment job output', () => {
  test('labels/ and confidence/ PNGs at frame size named by stem, and a complete summary.json', async () => {
    const out = join(root, 'ok');
    const s = await segmentJob(job(out), frames());
    const labels = (await readdir(join(out, 'labels'))).sort();
    assert.deepEqual(labels, seq.map((f) => `img_${f.index}.png`).sort());
    assert.equal((await readdir(join(out, 'confidence'))).length, 8);
    const l = decodeGray8(await readFile(join(out, 'labels', 'img_3.png')));
    assert.deepEqual([l.width, l.height], [96, 64]);
    assert.ok(l.data.every((v) => v < 11));
    const c = decodeGray8(await readFile(join(out, 'confidence', 'img_3.png')));
    assert.ok(c.data.some((v) => v > 128));
    const disk = JSON.parse(await readFile(join(out, 'summary.json'), 'utf8')) as SegmentSummary;
    assert.deepEqual(disk.keyFrames, s.keyFrames);
    for (const k of ['mode', 'model', 'frames', 'fps', 'warmupMs', 'latencyMs', 'keyFrames', 'tc', 'settings', 'executionProvider', 'notes', 'records'] as const) {
      assert.ok(k in disk, `summary.${k}`);
    }
    assert.equal(disk.mode, 'adaptive');
    assert.equal(disk.frames, 8);
    assert.ok(disk.fps > 0 && disk.latencyMs.max >= disk.latencyMs.p95 && disk.latencyMs.p95 >= disk.latencyMs.p50);
    assert.ok(disk.tc !== null && disk.tc > 0 && disk.tc <= 1);
    const r = disk.records[1]!;
    assert.equal(r.stem, 'img_1');
    assert.equal(r.classPixels.reduce((a, b) => a + b, 0), 96 * 64);
    assert.equal(typeof r.tcPrev, 'number');
    for (const k of ['decode', 'prepare', 'low', 'high', 'flow', 'head', 'fuse', 'labels', 'total'] as const) assert.equal(typeof r.timings[k], 'number');
    assert.equal(disk.records[0]!.tcPrev, null);
    assert.deepEqual(await leftovers(), []);
  });

  test('a failure mid-run leaves no output folder and no temporary folder', async () => {
    const out = join(root, 'failed');
    await assert.rejects(segmentJob(job(out), frames(), { failAtFrame: 5 }), /frame 5/);
    assert.equal(existsSync(out), false);
    assert.deepEqual(await leftovers(), []);
  });

  test('cancelling while label files are still being written fails as cancelled and leaves nothing', async () => {
    // Cancel right after each frame's files are queued: the clean-up must wait for those writes.
    for (let at = 0; at < 3 * seq.length; at++) {
      const out = join(root, `cancel-${at}`);
      const abort = new AbortController();
      await assert.rejects(segmentJob(job(out), frames(), { signal: abort.signal, onFrameDone: (i) => i === at % seq.length && abort.abort() }), { message: 'cancelled' });
      assert.equal(existsSync(out), false, `cancel at ${at}`);
      assert.deepEqual(await leftovers(), [], `cancel at ${at}`);
    }
  });

  test('a non-empty output folder is refused without force and replaced with it', async () => {
    const out = join(root, 'existing');
    await mkdir(out);
    await writeFile(join(out, 'old.txt'), 'old');
    await assert.rejects(segmentJob(job(out), frames()), /exists and is not empty \(use --force/);
    assert.ok(existsSync(join(out, 'old.txt')));
    await segmentJob(job(out, true), frames());
    assert.equal(existsSync(join(out, 'old.txt')), false);
    assert.ok(existsSync(join(out, 'summary.json')));
    assert.deepEqual(await leftovers(), []);
  });

  test('a missing model fails with a clear message and leaves nothing behind', async () => {
    const out = join(root, 'nomodel');
    const j = { ...job(out), settings: { ...job(out).settings, model: join(root, 'no-such-bundle') } };
    await assert.rejects(segmentJob(j, frames()), /model bundle folder not found/);
    assert.equal(existsSync(out), false);
  });
});
