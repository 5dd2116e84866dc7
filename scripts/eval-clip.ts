/**
 * `npm run eval`, second part: the key-frame schedules on the README's real dashcam clip, which has
 * no ground truth. Each run's labels are scored against the per-frame run's labels (mIoU over the
 * classes present, pixel accuracy): how much of the per-frame result a schedule keeps, on footage
 * that no model or setting was chosen with. Frames: the clip decoded to PNG by the bundled ffmpeg.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { toolPath } from '../electron/backend/video/ffmpeg-paths.ts';
import { evaluateFolders } from '../electron/engine/segment/evaluate.ts';
import { segmentJob } from '../electron/engine/segment/job.ts';
import { segmentSettings } from '../electron/engine/segment/settings.ts';
import { readPngFolder, streamFrames } from '../electron/engine/segment/sources.ts';
import type { SegmentSettings } from '../electron/engine/segment/types.ts';

const RUNS: { name: string; settings: Partial<SegmentSettings> }[] = [
  { name: 'dff K=5', settings: { mode: 'dff', keyInterval: 5 } },
  { name: 'dff K=5 (low latency)', settings: { mode: 'dff', keyInterval: 5, lowLatency: true } },
  { name: 'adaptive T=5 (batch)', settings: { mode: 'adaptive', targetInterval: 5, lowLatency: false } },
];

/** Markdown lines of the clip section (or why it was skipped). */
export async function clipAgreement(clip: string, tmp: string): Promise<string[]> {
  const head = ['', '## The README clip: agreement with per-frame', ''];
  if (!existsSync(clip)) return [...head, `Skipped: ${clip} not found.`];
  const dir = join(tmp, 'clip-frames');
  await mkdir(dir, { recursive: true });
  const ff = spawnSync(toolPath('ffmpeg'), ['-loglevel', 'error', '-i', clip, join(dir, 'f%05d.png')], { encoding: 'utf8' });
  if (ff.status !== 0) return [...head, `Skipped: ffmpeg could not decode ${clip}: ${ff.stderr.trim().split('\n').pop() ?? ''}`];
  const frames = await readPngFolder(dir);
  const run = async (name: string, s: Partial<SegmentSettings>) => {
    process.stderr.write(`eval: clip, ${name} ...\n`);
    const out = join(tmp, `clip-${name.replace(/[^a-z0-9]+/gi, '-')}`);
    const summary = await segmentJob({ settings: segmentSettings({ tc: false, ...s }), out, force: true, source: dir, total: frames.length }, streamFrames(frames));
    return { labels: join(out, 'labels'), keys: summary.keyFrames.length };
  };
  const pf = await run('per-frame', { mode: 'per-frame' });
  const rows: string[] = [];
  for (const r of RUNS) {
    const o = await run(r.name, r.settings);
    const e = await evaluateFolders(o.labels, pf.labels, { classes: 11, ignoreIndex: 11 });
    rows.push(`| ${r.name} | ${(e.miou * 100).toFixed(1)} | ${(e.pixelAccuracy * 100).toFixed(2)} | ${o.keys} |`);
  }
  return [
    ...head,
    `\`${clip.split('/').pop()}\`, ${frames.length} frames, ${frames[0]!.width}x${frames[0]!.height}: each run's labels scored against the per-frame run's (classes present in either; no ground truth).`,
    '',
    '| run | mIoU vs per-frame % | pixel agreement % | key frames |',
    '| --- | --- | --- | --- |',
    ...rows,
  ];
}
