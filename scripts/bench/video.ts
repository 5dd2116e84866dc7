/**
 * Video backend at 1080p30 H.264 (GOP 60, 3 B-frames, 10 s of testsrc2 with moving noise):
 * cold random access (request to RGBA bytes, cache cleared before each), cached access,
 * sequential playback through the service's prefetch path vs bare
 * `ffmpeg -i clip -f rawvideo -pix_fmt rgba -` read by Node in the same run, open/verify cost,
 * and peak memory (this process's RSS high-water mark + the largest decoder child).
 * Targets: uncached p95 ≤ 80 ms, cached p95 ≤ 5 ms, sequential ≥ 0.8× bare ffmpeg.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { summarize, type BenchSection } from './types.ts';
import { toolPath } from '../../electron/backend/video/ffmpeg-paths.ts';
import { createVideoService } from '../../electron/backend/video/service.ts';
import { runFfmpeg } from '../../electron/backend/video/testing/make-clip.ts';

const CLIP = join(tmpdir(), 'vss-bench-1080p30-h264-gop60-bf3.mp4');

async function makeBenchClip(): Promise<string> {
  if (existsSync(CLIP)) return CLIP;
  const tmp = `${CLIP}.part.mp4`;
  await runFfmpeg([
    '-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=1920x1080:rate=30', '-t', '10',
    '-vf', 'noise=alls=3:allf=t', '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '23',
    '-g', '60', '-keyint_min', '60', '-sc_threshold', '0', '-bf', '3', '-pix_fmt', 'yuv420p', tmp,
  ]);
  renameSync(tmp, CLIP);
  return CLIP;
}

/** Sum of VmRSS of this process's children, sampled while `fn` runs; returns the peak in MB. */
async function childPeakMB<T>(fn: () => Promise<T>): Promise<{ result: T; peakMB: number }> {
  let peak = 0;
  const sample = () => {
    try {
      let sum = 0;
      for (const t of readdirSync(`/proc/${process.pid}/task`)) {
        const kids = readFileSync(`/proc/${process.pid}/task/${t}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
        for (const k of kids) {
          const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${k}/status`, 'utf8'));
          if (m) sum += Number(m[1]) / 1024;
        }
      }
      peak = Math.max(peak, sum);
    } catch {
      /* a child exited between listing and reading, or not Linux */
    }
  };
  const timer = setInterval(sample, 20);
  try {
    const result = await fn();
    return { result, peakMB: peak };
  } finally {
    clearInterval(timer);
  }
}

function bareDecodeFps(path: string, frameBytes: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(toolPath('ffmpeg'), ['-nostdin', '-v', 'error', '-i', path, '-f', 'rawvideo', '-pix_fmt', 'rgba', '-'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let bytes = 0;
    child.stdout.on('data', (b: Buffer) => (bytes += b.length));
    child.on('error', reject);
    child.on('close', () => resolve(bytes / frameBytes / ((performance.now() - t0) / 1000)));
  });
}

/** Deterministic pseudo-random integers in [0, n). */
function randomIndices(count: number, n: number, seed = 12345): number[] {
  let s = seed;
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    out.push(s % n);
  }
  return out;
}

const ms = (x: number) => x.toFixed(1);

export async function bench(): Promise<BenchSection> {
  const path = await makeBenchClip();
  const rows: string[][] = [];
  const notes: string[] = [];

  // open: full verification vs packets only
  const opens: Record<string, number[]> = { full: [], packets: [] };
  for (let r = 0; r < 3; r++) {
    for (const verify of ['full', 'packets'] as const) {
      const s = createVideoService({ verify });
      const t0 = performance.now();
      await s.open(path);
      opens[verify]!.push(performance.now() - t0);
      await s.dispose();
    }
  }

  const svc = createVideoService();
  const info = await svc.open(path);
  const frameBytes = info.width * info.height * 4;
  const n = info.frameCount;

  // cold random access
  const idx = randomIndices(40 + 3, n);
  const cold: number[] = [];
  for (const [k, i] of idx.entries()) {
    svc.clearCache();
    await new Promise((r) => setTimeout(r, 30)); // let the killed decoder go
    const t0 = performance.now();
    await svc.frame(info.id, i);
    if (k >= 3) cold.push(performance.now() - t0);
  }
  svc.clearCache();

  // cached access
  const hot: number[] = [];
  await svc.frame(info.id, 100);
  for (let k = 0; k < 200; k++) {
    const t0 = performance.now();
    await svc.frame(info.id, 100);
    hot.push(performance.now() - t0);
  }
  await svc.dispose();

  // sequential: service prefetch path vs bare ffmpeg, alternating, 3 runs each
  const seq: number[] = [];
  const bare: number[] = [];
  let childPeak = 0;
  for (let r = 0; r < 3; r++) {
    bare.push(await bareDecodeFps(path, frameBytes));
    const s = createVideoService();
    const inf = await s.open(path);
    const { result: fps, peakMB } = await childPeakMB(async () => {
      const t0 = performance.now();
      for (let i = 0; i < inf.frameCount; i++) {
        s.playhead(inf.id, i, 1);
        await s.frame(inf.id, i);
      }
      return inf.frameCount / ((performance.now() - t0) / 1000);
    });
    childPeak = Math.max(childPeak, peakMB);
    seq.push(fps);
    await s.dispose();
  }

  const c = summarize(cold);
  const h = summarize(hot);
  const sq = summarize(seq);
  const bf = summarize(bare);
  const ratio = sq.p50 / bf.p50;
  const of = summarize(opens.full!);
  const op = summarize(opens.packets!);
  rows.push(['uncached random frame (ms)', ms(c.p50), ms(c.p95), String(cold.length), '≤ 80', c.p95 <= 80 ? 'yes' : 'NO']);
  rows.push(['cached frame (ms)', h.p50.toFixed(3), h.p95.toFixed(3), String(hot.length), '≤ 5', h.p95 <= 5 ? 'yes' : 'NO']);
  rows.push(['sequential via service (fps)', sq.p50.toFixed(1), '', String(seq.length), '', '']);
  rows.push(['bare ffmpeg → rgba pipe (fps)', bf.p50.toFixed(1), '', String(bare.length), '', '']);
  rows.push(['sequential ratio service/bare', ratio.toFixed(2), '', '', '≥ 0.8', ratio >= 0.8 ? 'yes' : 'NO']);
  rows.push(['open, verify=full (ms)', ms(of.p50), ms(of.p95), String(opens.full!.length), '', '']);
  rows.push(['open, verify=packets (ms)', ms(op.p50), ms(op.p95), String(opens.packets!.length), '', '']);
  const rssMB = process.resourceUsage().maxRSS / 1024;
  rows.push(['peak memory (MB): node RSS high-water + decoder child', `${rssMB.toFixed(0)} + ${childPeak.toFixed(0)}`, '', '', '', '']);
  notes.push(`machine: ${cpus().length} cores, load average during the run ${loadavg().map((x) => x.toFixed(1)).join(' / ')} (other work shares these cores)`);
  notes.push(`clip: ${info.width}x${info.height}, ${n} frames at ${info.fps} fps, GOP 60, 3 B-frames (${path})`);
  notes.push('uncached: cache cleared and decoders stopped before each of 40 seeded random indices (3 warm-up); decode starts at the keyframe at/before the frame, frames before it are dropped before RGBA conversion');
  notes.push('sequential: playhead(i, +1) then frame(i) for every frame, one long-lived decoder; bare ffmpeg pipe read and discarded by Node; medians of 3 alternating runs');
  notes.push(`uncached min/max ${ms(c.min)}/${ms(c.max)} ms; random access is bound by decoding from the keyframe (up to 59 frames at 1080p)`);
  return { title: 'Video: 1080p30 H.264 random access, cache, sequential playback', columns: ['measure', 'p50', 'p95', 'n', 'target', 'met'], rows, notes };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const s = await bench();
  console.log(s.title);
  console.log(s.columns.join(' | '));
  for (const r of s.rows) console.log(r.join(' | '));
  for (const n of s.notes) console.log('- ' + n);
}
