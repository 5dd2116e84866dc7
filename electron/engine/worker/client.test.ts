import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { TINY_SPLIT } from '../model/testing.ts';
import { MODE_DEFAULTS } from '../modes/types.ts';
import type { SegmentJob } from '../segment/job.ts';
import { generateSequence } from '../synthetic/generate.ts';
import type { FrameSource } from './client.ts';
import { EngineClient } from './client.ts';

const seq = generateSequence({ width: 96, height: 64, frames: 12 });
let root = '';
after(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

async function outDir(name: string): Promise<string> {
  if (!root) root = await mkdtemp(join(tmpdir(), 'vss-worker-'));
  return join(root, name);
}

function source(delayMs = 0): FrameSource & { reads: number[] } {
  const reads: number[] = [];
  return {
    reads,
    total: seq.length,
    async read(i) {
      reads.push(i);
      if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
      const f = seq[i]!;
      return { index: i, stem: String(i).padStart(6, '0'), width: 96, height: 64, rgba: new Uint8Array(f.rgba), decodeMs: 0 };
    },
  };
}

function job(out: string): SegmentJob {
  return {
    settings: { ...MODE_DEFAULTS, mode: 'dff', model: TINY_SPLIT, executionProvider: 'cpu', threads: 1, flowScale: 0.5, tc: true, realtime: false },
    out,
    force: false,
    source: 'synthetic',
    total: seq.length,
  };
}

async function leftovers(): Promise<string[]> {
  return (await readdir(root)).filter((n) => n.includes('.tmp-'));
}

describe('EngineClient', () => {
  test('runs a job in the worker: progress events, summary, output folder', async () => {
    const out = await outDir('ok');
    const run = new EngineClient().start(job(out), source());
    const events = [];
    for await (const p of run) events.push(p);
    const summary = await run.result;
    assert.equal(summary.frames, 12);
    // K = 5, batch schedule: keys in the middle of 0-4 and 5-9; frames 10 and 11 propagate from 7.
    assert.deepEqual(summary.keyFrames, [2, 7]);
    assert.ok(events.length > 0 && events[events.length - 1]!.done === 12);
    assert.equal((await readdir(join(out, 'labels'))).length, 12);
    assert.equal((await run.loaded).executionProvider, 'cpu');
  });

  test('cancel rejects with CANCELLED and leaves no output', async () => {
    const out = await outDir('cancelled');
    const run = new EngineClient().start(job(out), source(30));
    setTimeout(() => run.cancel(), 150);
    await assert.rejects(run.result, /cancelled/);
    assert.equal(existsSync(out), false);
    assert.deepEqual(await leftovers(), []);
  });

  test('a crashing worker rejects with one line instead of hanging', async () => {
    const out = await outDir('crash');
    const run = new EngineClient().start(job(out), source(), { test: { crashAt: 3 } });
    await assert.rejects(run.result, (e: Error) => /engine worker crashed: engine worker test crash/.test(e.message) && !e.message.includes('\n'));
  });

  test('a worker that exits rejects with its exit code', async () => {
    const out = await outDir('exit');
    const run = new EngineClient().start(job(out), source(), { test: { exitAt: 2 } });
    await assert.rejects(run.result, /engine worker exited unexpectedly \(code 3\)/);
    assert.equal(existsSync(out), false);
  });

  test('a failing job rejects and deletes its temporary folder', async () => {
    const out = await outDir('fail');
    const run = new EngineClient().start(job(out), source(), { test: { failAt: 4 } });
    await assert.rejects(run.result, /test failure injected at frame 4/);
    assert.equal(existsSync(out), false);
    assert.deepEqual(await leftovers(), []);
  });

  test('back-pressure: frames are read a bounded number beyond the finished ones', async () => {
    const out = await outDir('bp');
    // A 48-frame stream (the synthetic frames repeated) so the bound is far below the length.
    const total = 48;
    const reads: number[] = [];
    const src: FrameSource = {
      total,
      async read(i) {
        reads.push(i);
        const f = seq[i % seq.length]!;
        return { index: i, stem: String(i).padStart(6, '0'), width: 96, height: 64, rgba: new Uint8Array(f.rgba), decodeMs: 0 };
      },
    };
    const j = job(out);
    const run = new EngineClient().start({ ...j, total }, src, { ahead: 2 });
    let maxAhead = 0;
    for await (const p of run) maxAhead = Math.max(maxAhead, reads.length - p.done);
    assert.equal((await run.result).frames, total);
    // Frames are acknowledged when the pipeline takes them: at most `ahead` (2) wait in the worker's
    // queue, plus the one being sent, the pipeline's 2-frame read-ahead, the frame in work and the
    // output writer's 8 files in flight (4 frames); `done` counts frames whose files are on disk.
    assert.ok(maxAhead <= 2 + 1 + 2 + 1 + 4, `read ${maxAhead} frames beyond the written ones`);
  });
  test('a mode that holds a whole window (bidirectional fusion, W=8) finishes with the client 2 frames ahead', async () => {
    const out = await outDir('fused-window');
    const j = job(out);
    j.settings = { ...j.settings, mode: 'fused', fusion: 'bidirectional', window: 8 };
    const run = new EngineClient().start(j, source(), { ahead: 2 });
    const summary = await run.result;
    assert.equal(summary.frames, 12);
    assert.deepEqual(await leftovers(), []);
  });
});
