/**
 * Progress events carry the frames finished since the previous event (key flag) and the TC of
 * earlier frames once it is known, so a UI can grow key-frame markers and the TC sparkline live.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { mergeRunFrames } from '../../shared/run-frames.ts';
import { TINY_SPLIT } from '../model/testing.ts';
import { generateSequence } from '../synthetic/generate.ts';
import { segmentJob } from './job.ts';
import { segmentSettings } from './settings.ts';
import type { SegmentProgress, SourceFrame } from './types.ts';

const seq = generateSequence({ width: 96, height: 64, frames: 9 });

async function* frames(): AsyncIterable<SourceFrame> {
  for (const f of seq) yield { index: f.index, stem: `img_${f.index}`, width: 96, height: 64, rgba: f.rgba, decodeMs: 0 };
}

test('progress frames merged in order give exactly the summary key frames and per-frame TC', async () => {
  const root = await mkdtemp(join(tmpdir(), 'vss-progress-'));
  try {
    const events: SegmentProgress[] = [];
    const settings = segmentSettings({ mode: 'dff', model: TINY_SPLIT, threads: 1, keyInterval: 3 });
    const s = await segmentJob({ settings, out: join(root, 'out'), force: false, source: 'synthetic', total: seq.length }, frames(), { onProgress: (p) => events.push(p) });
    let marks = { keyFrames: [] as number[], tc: [] as (number | null)[], tcMean: null as number | null };
    let keysBeforeEnd = 0;
    for (const e of events) {
      // Marks wait until their frame's PNGs are on disk: a batch holds at most the output writer's
      // window (8 files = 4 frames) plus the frame in work, each at most twice (key flag, then TC).
      assert.ok(e.frames && e.frames.length <= 2 * (4 + 1), `a small batch per event (${e.frames?.length})`);
      marks = mergeRunFrames(marks, e.frames);
      if (e.done < seq.length) keysBeforeEnd = marks.keyFrames.length;
    }
    assert.deepEqual(marks.keyFrames, s.keyFrames);
    assert.deepEqual(marks.tc, s.records.map((r) => r.tcPrev));
    assert.ok(keysBeforeEnd >= 2, 'key frames are reported before the run ends');
    // Every frame is announced by the event that counts it.
    for (const e of events) for (const f of e.frames ?? []) assert.ok(f.index < e.done);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});
