/**
 * Memory on a long encoded clip (`npm run bench -- memory`, or alone:
 * node --import tsx scripts/bench/memory.ts; on the shared 2-core machine run it through
 * scripts/with-training-paused.sh): a 10-minute 1080p30 H.264 clip (GOP 30, 2 B-frames, like a
 * dashcam) is opened with the video service (default full verification: one decode of the whole
 * file) and segmented with dff K=5 and the default model through the engine worker, the same path
 * as `vss segment` and the UI's engine runs (EngineClient fed by videoFrameSource). Every 250 ms it
 * samples this process's RSS (the engine worker and ORT threads live in it) and the RSS of its
 * child processes (ffmpeg decoders) from /proc, and reports the peak of the open and the peak per
 * tenth of the run: bounded memory shows as no upward trend after the first tenth (warm-up).
 *
 * Content: ../shared/data/videos/solidWhiteRight.mp4 (VSS_DATA_DIR overrides the data folder),
 * looped and scaled to 1920x1080, retimed from 25 to 30 fps (no duplicated frames; motion 1.2x
 * faster, a jump cut at each loop, every 8.8 s); without it, lavfi testsrc2 with moving noise.
 * The clip is made once and cached in os.tmpdir(). VSS_BENCH_MEMORY_SEC (default 600) shortens it
 * for quick checks; the notes state the duration used, and only 600 s answers the 10-minute question.
 */
import { existsSync, readdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createVideoService } from '../../electron/backend/video/service.ts';
import { runFfmpeg } from '../../electron/backend/video/testing/make-clip.ts';
import { DEFAULT_MODEL_DIR, segmentSettings } from '../../electron/engine/segment/settings.ts';
import { EngineClient } from '../../electron/engine/worker/client.ts';
import { videoFrameSource } from '../../electron/engine/worker/video-source.ts';
import { type BenchSection, runIfMain } from './types.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const TINY = join(root, 'native-models', 'test-tiny', 'split');
const FPS = 30;
const SAMPLE_MS = 250;
/** A later tenth whose peak exceeds the peak of tenths 2-5 by more than this counts as growth. */
const GROWTH_TOLERANCE = 0.05;

function clipSeconds(): number {
  const raw = process.env.VSS_BENCH_MEMORY_SEC ?? '600';
  const sec = Number(raw);
  if (!(sec > 0 && sec <= 3600)) throw new Error(`VSS_BENCH_MEMORY_SEC must be a number of seconds in (0, 3600], got "${raw}"`);
  return sec;
}

interface Clip {
  path: string;
  what: string;
  /** Seconds spent encoding, or null when the cached clip was reused. */
  encodeSec: number | null;
}

/** Makes the clip once (temp name, then rename) and reuses it from os.tmpdir() afterwards. */
async function makeClip(sec: number): Promise<Clip> {
  const dataDir = process.env.VSS_DATA_DIR ?? join(root, '..', 'shared', 'data');
  const dashcam = join(dataDir, 'videos', 'solidWhiteRight.mp4');
  const real = existsSync(dashcam);
  const tag = real ? 'dashcam' : 'testsrc2';
  const path = join(os.tmpdir(), `vss-bench-memory-1080p30-${sec}s-${tag}-gop30-bf2.mp4`);
  const what = real
    ? `${dashcam} (960x540, 25 fps) looped, scaled to 1920x1080 and retimed to 30 fps`
    : 'lavfi testsrc2 1920x1080 with moving noise (dashcam clip not found)';
  if (existsSync(path)) return { path, what, encodeSec: null };
  const input = real
    ? ['-stream_loop', '-1', '-i', dashcam, '-map', '0:v:0', '-vf', `setpts=N/(${FPS}*TB),scale=1920:1080:flags=bicubic`]
    : ['-f', 'lavfi', '-i', `testsrc2=size=1920x1080:rate=${FPS}`, '-vf', 'noise=alls=3:allf=t'];
  const tmp = `${path}.part.mp4`;
  process.stderr.write(`bench memory: encoding ${sec} s of 1080p30 (${tag}) into ${path} ...\n`);
  const t0 = performance.now();
  await runFfmpeg([
    '-nostdin', '-v', 'error', '-y', ...input, '-an', '-r', String(FPS), '-t', String(sec),
    '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '23', '-g', String(FPS), '-keyint_min', String(FPS),
    '-sc_threshold', '0', '-bf', '2', '-pix_fmt', 'yuv420p', tmp,
  ]);
  const encodeSec = (performance.now() - t0) / 1000;
  renameSync(tmp, path);
  process.stderr.write(`bench memory: encoded in ${encodeSec.toFixed(1)} s (${((sec * FPS) / encodeSec).toFixed(1)} fps)\n`);
  return { path, what, encodeSec };
}

/** RSS (MB) of every descendant process of this one (all threads' children, recursively). */
function childrenRssMB(): number {
  let sum = 0;
  const walk = (pid: number): void => {
    let tasks: string[];
    try {
      tasks = readdirSync(`/proc/${pid}/task`);
    } catch {
      return; // exited meanwhile, or not Linux
    }
    for (const t of tasks) {
      let kids: string[];
      try {
        kids = readFileSync(`/proc/${pid}/task/${t}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
      } catch {
        continue;
      }
      for (const k of kids) {
        try {
          const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${k}/status`, 'utf8'));
          if (m) sum += Number(m[1]) / 1024;
        } catch {
          /* the child exited between listing and reading */
        }
        walk(Number(k));
      }
    }
  };
  walk(process.pid);
  return sum;
}

/** Peaks of one phase: this process, its children, and both at the same sample. */
interface Peak {
  node: number;
  children: number;
  total: number;
  samples: number;
}

const emptyPeak = (): Peak => ({ node: 0, children: 0, total: 0, samples: 0 });

/** Samples memory every SAMPLE_MS into the peak that `phase()` names at that moment. */
function startSampler(phase: () => Peak): { stop(): void } {
  const sample = (): void => {
    const node = process.memoryUsage.rss() / 1048576;
    const children = childrenRssMB();
    const p = phase();
    p.node = Math.max(p.node, node);
    p.children = Math.max(p.children, children);
    p.total = Math.max(p.total, node + children);
    p.samples++;
  };
  sample();
  const timer = setInterval(sample, SAMPLE_MS);
  return { stop: () => clearInterval(timer) };
}

/** Total bytes of the files in `dir` and its sub-folders. */
async function folderBytes(dir: string): Promise<number> {
  let sum = 0;
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    sum += e.isDirectory() ? await folderBytes(p) : (await stat(p)).size;
  }
  return sum;
}

/** Least-squares slope of y against 0, 1, 2, ... */
function slope(y: number[]): number {
  const n = y.length;
  const mx = (n - 1) / 2;
  const my = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (i - mx) * (y[i]! - my);
    sxx += (i - mx) ** 2;
  }
  return sxx > 0 ? sxy / sxx : 0;
}

const mb = (x: number): string => x.toFixed(0);
const loads = (): string => os.loadavg().map((x) => x.toFixed(2)).join(' / ');

/** The peaks of one run: before open, during open, and per tenth of the engine run. */
interface Phases {
  idle: Peak;
  open: Peak;
  openSec: number;
  total: number;
  tenths: Peak[];
  /** performance.now() at the start of each tenth, and the 1-minute load at its end. */
  tenthStart: number[];
  tenthLoad: string[];
  runEnd: number;
  frames: number;
  wallSec: number;
}

/** The table: one row per phase and the whole run's peak. */
function phaseRows(ph: Phases): { rows: string[][]; runPeak: Peak } {
  const { total, tenths, tenthStart, tenthLoad } = ph;
  const rows: string[][] = [];
  const row = (name: string, frames: string, p: Peak, fps: string, load: string): void => {
    rows.push([name, frames, mb(p.node), mb(p.children), mb(p.total), fps, load, String(p.samples)]);
  };
  row('before open (baseline)', '', ph.idle, '', '');
  row(`open with full verification (${ph.openSec.toFixed(1)} s)`, `${total} decoded`, ph.open, (total / ph.openSec).toFixed(1), '');
  for (let k = 0; k < 10; k++) {
    const [a, b] = [Math.floor((k * total) / 10), Math.floor(((k + 1) * total) / 10)];
    const end = k < 9 ? tenthStart[k + 1] : ph.runEnd;
    const fps = end !== undefined && tenthStart[k] !== undefined ? ((b - a) / ((end - tenthStart[k]!) / 1000)).toFixed(1) : '';
    row(`run ${k * 10}-${(k + 1) * 10}%`, `${a}-${b - 1}`, tenths[k]!, fps, tenthLoad[k] ?? '');
  }
  const runPeak = tenths.reduce((m, p) => ({ node: Math.max(m.node, p.node), children: Math.max(m.children, p.children), total: Math.max(m.total, p.total), samples: m.samples + p.samples }), emptyPeak());
  row('whole run', `${ph.frames}`, runPeak, (ph.frames / ph.wallSec).toFixed(1), '');
  return { rows, runPeak };
}

export async function bench(): Promise<BenchSection> {
  const sec = clipSeconds();
  const model = existsSync(join(DEFAULT_MODEL_DIR, 'model.json')) ? DEFAULT_MODEL_DIR : TINY;
  const clip = await makeClip(sec);
  const loadStart = loads();
  const tmp = await mkdtemp(join(os.tmpdir(), 'vss-bench-memory-'));
  const out = join(tmp, 'run');
  const idle = emptyPeak();
  const open = emptyPeak();
  const tenths = Array.from({ length: 10 }, emptyPeak);
  const tenthStart: number[] = [];
  const tenthLoad: string[] = [];
  let phase: Peak = idle;
  const sampler = startSampler(() => phase);
  const svc = createVideoService();
  try {
    phase = open;
    const tOpen = performance.now();
    const info = await svc.open(clip.path);
    const openSec = (performance.now() - tOpen) / 1000;
    const total = info.frameCount;
    const settings = segmentSettings({ model, mode: 'dff', keyInterval: 5 });
    const t0 = performance.now();
    phase = tenths[0]!;
    tenthStart[0] = t0;
    const run = new EngineClient().start({ settings, out, force: true, source: info.path, total }, videoFrameSource(svc, info));
    for await (const p of run) {
      const b = Math.min(9, Math.floor((p.done * 10) / total));
      for (let k = 1; k <= b; k++) {
        if (tenthStart[k] !== undefined) continue;
        tenthStart[k] = performance.now();
        tenthLoad[k - 1] = os.loadavg()[0]!.toFixed(2);
      }
      phase = tenths[b]!;
    }
    const summary = await run.result;
    const wallSec = (performance.now() - t0) / 1000;
    tenthLoad[9] = os.loadavg()[0]!.toFixed(2);
    sampler.stop();
    const hwm = process.resourceUsage().maxRSS / 1024;
    const outBytes = await folderBytes(out);

    const { rows, runPeak } = phaseRows({ idle, open, openSec, total, tenths, tenthStart, tenthLoad, runEnd: t0 + wallSec * 1000, frames: summary.frames, wallSec });

    // Growth after warm-up: tenths 2-10 (the first holds model load and the caches filling).
    const after = tenths.slice(1).map((p) => p.total);
    const early = Math.max(...after.slice(0, 4));
    const late = Math.max(...after.slice(4));
    const growth = late - early;
    const perTenth = slope(after);
    const bounded = growth <= GROWTH_TOLERANCE * early;
    const notes = [
      `Duration: ${sec} s (${total} frames, ${info.width}x${info.height} at ${info.fps} fps)${sec === 600 ? '' : ` — SHORTENED by VSS_BENCH_MEMORY_SEC; only the 600 s run answers the 10-minute question`}.`,
      `Clip: ${clip.what}; libx264 veryfast CRF 23, GOP 30, 2 B-frames, ${(statSync(clip.path).size / 1048576).toFixed(0)} MB; ${clip.encodeSec === null ? 'cached from an earlier run' : `encoded in ${clip.encodeSec.toFixed(1)} s (${(total / clip.encodeSec).toFixed(1)} fps)`}.`,
      `Run: dff K=5, model ${model.replace(root + '/', '')}${model === TINY ? ' (camvid-lite not found: figures not representative)' : ''}, TC analysis on (the app default), CPU EP; video service defaults (frame cache ${svc.cacheLimitMB} MB, prefetch ahead of the playhead); EngineClient feeds at most 4 frames ahead; outputs (${(outBytes / 1048576).toFixed(0)} MB of label + confidence PNGs) written to a temp folder, deleted afterwards.`,
      `Peak over the run: ${mb(runPeak.total)} MB (this process ${mb(runPeak.node)} MB incl. the engine worker and ORT threads, children ${mb(runPeak.children)} MB: ffmpeg decoders, plus tsx's esbuild service, the baseline row's children); kernel RSS high-water mark of this process ${mb(hwm)} MB (includes the open and anything between samples).`,
      `Growth after warm-up: peak of tenths 6-10 minus peak of tenths 2-5 = ${growth >= 0 ? '+' : ''}${mb(growth)} MB (tolerance ${GROWTH_TOLERANCE * 100}% = ${mb(GROWTH_TOLERANCE * early)} MB); least-squares slope of the per-tenth peaks (tenths 2-10) ${perTenth >= 0 ? '+' : ''}${perTenth.toFixed(1)} MB per tenth: ${bounded ? 'bounded (no upward trend)' : 'GROWS'}.`,
      `Speed: ${summary.fps.toFixed(1)} fps critical path, ${(summary.frames / wallSec).toFixed(1)} fps wall (run ${wallSec.toFixed(0)} s from worker start to the last file, open ${openSec.toFixed(1)} s), ${summary.keyFrames.length} key frames. Per-tenth fps is wall fps between progress events.`,
      `Sampling every ${SAMPLE_MS} ms: RSS of this process (process.memoryUsage) and the summed VmRSS of all descendant processes from /proc (Linux only; 0 elsewhere). Load average (1/5/15 min) at start ${loadStart}, at end ${loads()}; ${os.cpus().length} cores shared with other work.`,
    ];
    return {
      title: 'Memory: 10-minute 1080p30 H.264 clip, open + dff K=5 through the engine worker',
      columns: ['phase', 'frames', 'peak RSS MB (this process)', 'peak children MB', 'peak total MB', 'fps', 'load (1 min)', 'samples'],
      rows,
      notes,
    };
  } finally {
    sampler.stop();
    await svc.dispose();
    await rm(tmp, { recursive: true, force: true });
  }
}

await runIfMain(import.meta.url, bench);
