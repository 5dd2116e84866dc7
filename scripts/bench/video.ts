/**
 * Video backend at 1080p30 H.264 (GOP 60, 3 B-frames, 10 s of testsrc2 with moving noise):
 * cold random access (request to RGBA bytes, cache cleared before each), where its time goes
 * (ffmpeg start, frames decoded from the keyframe, a least-squares fit of latency against
 * frames decoded), cached access, sequential playback through the service's prefetch path vs
 * bare `ffmpeg -threads T -i clip -f rawvideo -pix_fmt rgba -` read by Node and discarded in
 * the same run (same binary, same threads), bare `-f null` (decode only) as a reference,
 * open/verify cost, and peak memory (this process's RSS high-water mark + its children's).
 * Cold random access is measured on both paths in the same run, alternating per index: the
 * packet feed (default: a waiting ffmpeg fed only the packets needed, non-reference pictures
 * left out) and seek-and-decode (`packetAccess: false`), with pictures fed per access and the
 * feed's time split (plan: index + reads + NAL parsing; decode: stream in → RGBA out).
 * Targets: uncached p95 ≤ 80 ms, cached p95 ≤ 5 ms, sequential ≥ 0.8× bare ffmpeg.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { summarize, type BenchSection, runIfMain } from './types.ts';
import { decodeFloor, floorMs } from './video-floor.ts';
import { defaultThreads } from '../../electron/backend/video/decode-run.ts';
import { toolPath } from '../../electron/backend/video/ffmpeg-paths.ts';
import { startKeyframe, type FrameIndex } from '../../electron/backend/video/frame-index.ts';
import { openVideoFile } from '../../electron/backend/video/open-video.ts';
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

/** Bare ffmpeg, same binary and threads: RGBA to a pipe read by Node and discarded, or -f null. */
function bareDecodeFps(path: string, frames: number, threads: number, out: 'pipe' | 'null'): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const tail = out === 'pipe' ? ['-f', 'rawvideo', '-pix_fmt', 'rgba', '-'] : ['-f', 'null', '-'];
    const child = spawn(toolPath('ffmpeg'), ['-nostdin', '-v', 'error', '-threads', String(threads), '-i', path, ...tail], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.on('data', () => undefined);
    child.on('error', reject);
    child.on('close', () => resolve(frames / ((performance.now() - t0) / 1000)));
  });
}

/** ffmpeg process start alone: spawn to exit of `ffmpeg -version` (ms). */
function execMs(): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(toolPath('ffmpeg'), ['-version'], { stdio: 'ignore' });
    child.on('error', reject);
    child.on('close', () => resolve(performance.now() - t0));
  });
}

/** Frames the decoder must decode to output frame t: its keyframe up to t, in decode order. */
function framesDecoded(index: FrameIndex, t: number): number {
  const key = index.keyframes[startKeyframe(index, t)]!;
  return index.decodePos[t]! - index.decodePos[key]! + 1;
}

/** Least-squares line y = a + b x. */
function fit(x: number[], y: number[]): { a: number; b: number } {
  const n = x.length;
  const mx = x.reduce((p, q) => p + q, 0) / n;
  const my = y.reduce((p, q) => p + q, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i]! - mx) * (y[i]! - my);
    sxx += (x[i]! - mx) ** 2;
  }
  const b = sxx > 0 ? sxy / sxx : 0;
  return { a: my - b * mx, b };
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

const load = () => loadavg().map((x) => x.toFixed(2)).join(' / ');

export async function bench(): Promise<BenchSection> {
  const path = await makeBenchClip();
  const loadStart = load();
  const { result, peakMB } = await childPeakMB(() => measure(path));
  const rssMB = process.resourceUsage().maxRSS / 1024;
  result.rows.push(['peak memory (MB): node RSS high-water + decoder children', `${rssMB.toFixed(0)} + ${peakMB.toFixed(0)}`, '', '', '', '']);
  result.notes.unshift(`machine: ${cpus().length} cores, load average (1/5/15 min) at start ${loadStart}, at end ${load()} (other work shares these cores)`);
  return result;
}

/** Open: full verification vs packets only, 3 alternating rounds. */
async function measureOpens(path: string): Promise<{ full: number[]; packets: number[] }> {
  const opens = { full: [] as number[], packets: [] as number[] };
  for (let r = 0; r < 3; r++) {
    for (const verify of ['full', 'packets'] as const) {
      const s = createVideoService({ verify });
      const t0 = performance.now();
      await s.open(path);
      opens[verify].push(performance.now() - t0);
      await s.dispose();
    }
  }
  return opens;
}

type Service = ReturnType<typeof createVideoService>;
type Opened = { svc: Service; id: string };
type FeedRecord = ReturnType<Service['decodeLog']>[number];

/** Cold access: fixed costs and seeded random frames, each on the seek path then the packet feed. */
interface Cold {
  exec: number[];
  atKey: number[];
  atKeyFeed: number[];
  idx: number[];
  coldMs: number[];
  decoded: number[];
  feedMs: number[];
  fed: number[];
  fedMs: number[];
  planMs: number[];
  decodeMs: number[];
  fallbacks: number;
  warm: number;
  pushers: number[];
  differ: number;
}

/** One uncached access on `on` after clearing both services' caches: its time and RGBA. */
async function coldOn(seek: Opened, feed: Opened, on: Opened, i: number): Promise<{ t: number; rgba: Uint8Array }> {
  seek.svc.clearCache();
  feed.svc.clearCache();
  await new Promise((r) => setTimeout(r, 30)); // let the killed decoder go (and the next spare start)
  const t0 = performance.now();
  const rgba = (await on.svc.frame(on.id, i)).rgba;
  return { t: performance.now() - t0, rgba };
}

/** An uncached access through the packet feed, with its decode record when it took the feed. */
async function coldFeed(seek: Opened, feed: Opened, i: number): Promise<{ t: number; rgba: Uint8Array; rec: FeedRecord | undefined }> {
  const { t, rgba } = await coldOn(seek, feed, feed, i);
  const rec = feed.svc.decodeLog(feed.id).filter((r) => r.from === i && r.to === i).pop();
  return { t, rec: rec?.via === 'packets' ? rec : undefined, rgba };
}

async function measureCold(seek: Opened, feed: Opened, index: FrameIndex, n: number): Promise<Cold> {
  const c: Cold = { exec: [], atKey: [], atKeyFeed: [], idx: randomIndices(40 + 3, n), coldMs: [], decoded: [], feedMs: [], fed: [], fedMs: [], planMs: [], decodeMs: [], fallbacks: 0, warm: 0, pushers: [], differ: 0 };
  // fixed costs: ffmpeg exec alone; cold access to a keyframe (start, open, seek, 1 frame, RGBA, transfer)
  for (let k = 0; k < 12; k++) c.exec.push(await execMs());
  await coldOn(seek, feed, seek, index.keyframes[1]!);
  await coldFeed(seek, feed, index.keyframes[1]!);
  for (let k = 0; k < 12; k++) {
    const key = index.keyframes[1 + (k % (index.keyframes.length - 1))]!;
    c.atKey.push((await coldOn(seek, feed, seek, key)).t);
    c.atKeyFeed.push((await coldFeed(seek, feed, key)).t);
  }
  // cold random access
  for (const [k, i] of c.idx.entries()) {
    const s = await coldOn(seek, feed, seek, i);
    const f = await coldFeed(seek, feed, i);
    if (!Buffer.from(f.rgba).equals(Buffer.from(s.rgba))) c.differ++;
    if (k < 3) continue;
    c.coldMs.push(s.t);
    c.decoded.push(framesDecoded(index, i));
    c.feedMs.push(f.t);
    if (!f.rec) {
      c.fallbacks++;
      continue;
    }
    c.fed.push(f.rec.fed!);
    c.fedMs.push(f.t);
    if (f.rec.warm) c.warm++;
    c.pushers.push(f.rec.pushers ?? 0);
    c.planMs.push(f.rec.planMs!);
    c.decodeMs.push(f.rec.decodeMs!);
  }
  return c;
}

/** Cached access: the same frame 200 times after one read. */
async function measureHot(seek: Opened): Promise<number[]> {
  const hot: number[] = [];
  await seek.svc.frame(seek.id, 100);
  for (let k = 0; k < 200; k++) {
    const t0 = performance.now();
    await seek.svc.frame(seek.id, 100);
    hot.push(performance.now() - t0);
  }
  return hot;
}

/** Sequential: service prefetch path vs bare ffmpeg (pipe, and -f null), alternating, 5 rounds (fps). */
async function measureSequential(path: string, n: number, threads: number): Promise<{ seq: number[]; bare: number[]; bareNull: number[] }> {
  const seq: number[] = [];
  const bare: number[] = [];
  const bareNull: number[] = [];
  for (let r = 0; r < 5; r++) {
    bare.push(await bareDecodeFps(path, n, threads, 'pipe'));
    bareNull.push(await bareDecodeFps(path, n, threads, 'null'));
    const s = createVideoService();
    const inf = await s.open(path);
    const t0 = performance.now();
    for (let i = 0; i < inf.frameCount; i++) {
      s.playhead(inf.id, i, 1);
      await s.frame(inf.id, i);
    }
    seq.push(inf.frameCount / ((performance.now() - t0) / 1000));
    await s.dispose();
  }
  return { seq, bare, bareNull };
}

const orZero = (xs: number[]): number[] => (xs.length ? xs : [0]);

/** Rows of the packet feed, its parts and the decoding floor. */
function feedRows(c: Cold, floor: Awaited<ReturnType<typeof decodeFloor>>): string[][] {
  const cf = summarize(c.feedMs);
  const fe = summarize(orZero(c.fed));
  const akf = summarize(c.atKeyFeed);
  const pl = summarize(orZero(c.planMs));
  const dm = summarize(orZero(c.decodeMs));
  const pu = summarize(orZero(c.pushers));
  const feedLine = fit(c.fed, c.fedMs);
  const fl = summarize(floor.length ? floorMs(floor) : [0]);
  const flr = summarize(orZero(floor.map((f) => f.ms)));
  const flk = summarize(orZero(floor.map((f) => f.keyMs)));
  const flp = summarize(orZero(floor.map((f) => f.pictures)));
  const n = c.idx.length;
  return [
    ['uncached random frame, packet feed (ms)', ms(cf.p50), ms(cf.p95), String(c.feedMs.length), '≤ 80', cf.p95 <= 80 ? 'yes' : 'NO'],
    ['  pictures fed (= decoded) per access, pushers included', fe.p50.toFixed(0), fe.p95.toFixed(0), String(c.fed.length), '', `mean ${fe.mean.toFixed(1)}; ${c.fallbacks} fell back`],
    ['  of which pushers (after the target)', pu.p50.toFixed(0), pu.p95.toFixed(0), String(c.pushers.length), '', `served by the long-lived decoder: ${c.warm} of ${c.fed.length}`],
    ['  frames byte-equal to the seek path', String(n - c.differ), '', String(n), `${n}`, c.differ === 0 ? 'yes' : 'NO'],
    ['  plan: index, positional reads, NAL parse (ms)', ms(pl.p50), ms(pl.p95), String(c.planMs.length), '', ''],
    ['  decode: stream in → RGBA out (ms)', ms(dm.p50), ms(dm.p95), String(c.decodeMs.length), '', ''],
    ['  packet feed to a keyframe (1 picture) (ms)', ms(akf.p50), ms(akf.p95), String(c.atKeyFeed.length), '', ''],
    ['  fit: ms = a + b × pictures fed', `a ${ms(feedLine.a)}`, `b ${feedLine.b.toFixed(2)}`, '', '', ''],
    ['  floor: decoding alone, the same pictures without pushers (ms)', ms(fl.p50), ms(fl.p95), String(floor.length), '', fl.p95 > 80 ? 'the floor alone is over 80 ms at p95' : ''],
    ['    ffmpeg -benchmark rtime: those pictures / keyframe alone (ms)', `${ms(flr.p50)} / ${ms(flk.p50)}`, `${ms(flr.p95)} / ${ms(flk.p95)}`, String(floor.length), '', `floor = rtime − median keyframe-alone rtime; pictures p50 ${flp.p50.toFixed(0)}, p95 ${flp.p95.toFixed(0)}`],
  ];
}

/** Rows of the seek path and its fixed costs. */
function seekRows(c: Cold): string[][] {
  const cs = summarize(c.coldMs);
  const ak = summarize(c.atKey);
  const ex = summarize(c.exec);
  const fd = summarize(c.decoded);
  const line = fit(c.decoded, c.coldMs);
  return [
    ['uncached random frame, seek and decode (ms)', ms(cs.p50), ms(cs.p95), String(c.coldMs.length), '≤ 80', cs.p95 <= 80 ? 'yes' : 'NO'],
    ['  frames decoded per uncached access', fd.p50.toFixed(0), fd.p95.toFixed(0), String(c.decoded.length), '', `mean ${fd.mean.toFixed(1)}`],
    ['  uncached access to a keyframe (ms)', ms(ak.p50), ms(ak.p95), String(c.atKey.length), '', ''],
    ['  ffmpeg exec alone, -version (ms)', ms(ex.p50), ms(ex.p95), String(c.exec.length), '', ''],
    ['  fit: ms = a + b × frames decoded', `a ${ms(line.a)}`, `b ${line.b.toFixed(2)}`, '', '', ''],
  ];
}

/** The notes on method, with the fitted costs. */
function videoNotes(c: Cold, info: { width: number; height: number; fps: number }, n: number, path: string, threads: number, ratios: number[]): string[] {
  const fe = summarize(orZero(c.fed));
  const fd = summarize(c.decoded);
  const cs = summarize(c.coldMs);
  const feedLine = fit(c.fed, c.fedMs);
  const line = fit(c.decoded, c.coldMs);
  return [
    `clip: ${info.width}x${info.height}, ${n} frames at ${info.fps} fps, GOP 60, 3 B-frames (${path}); ffmpeg -threads ${threads} everywhere`,
    'uncached: cache cleared and decoders stopped before each of 40 seeded random indices (3 warm-up), each index on both paths in turn; decode starts at the keyframe at/before the frame, frames before it are dropped before RGBA conversion',
    `packet feed: ${ms(feedLine.a)} ms fixed + ${feedLine.b.toFixed(2)} ms per picture fed; p95 access feeds ${fe.p95} pictures (≈ ${ms(feedLine.a + feedLine.b * fe.p95)} ms); pictures fed / frames the seek path decodes = ${(fe.mean / fd.mean).toFixed(2)}; 80 ms allows ≈ ${Math.max(0, (80 - feedLine.a) / Math.max(0.01, feedLine.b)).toFixed(0)} pictures`,
    'floor: each access\'s pictures (keyframe, reference pictures, target; no pushers) written as Annex B and decoded by `ffmpeg -benchmark -threads N -f h264 -i f.h264 -f null -`; its rtime covers the decode loop and the decoder set-up, not process start or probing; the same run with the keyframe alone (set-up + 1 picture) is subtracted, so the floor errs low (video-floor.ts). No way of driving this decoder serves the access in less on these cores',
    'packet feed: H.264 accesses go to one long-lived ffmpeg per video that reads a Matroska stream from its stdin (stream-decoder.ts): no process start, stream probe or decoder set-up per access; the target is the one picture with an odd timestamp, and pushers (the next pictures in decode order) make the decoder output it without an end of stream. The last frames of a clip and H.265 take a one-shot ffmpeg (stdin closed after the target)',
    `seek and decode: uncached min/max ${ms(cs.min)}/${ms(cs.max)} ms; fit over the 40 samples: ${ms(line.a)} ms fixed + ${line.b.toFixed(2)} ms per frame decoded, so the p95 access (${fd.p95} frames) costs ≈ ${ms(line.a + line.b * fd.p95)} ms; 80 ms allows ≈ ${Math.max(0, (80 - line.a) / line.b).toFixed(0)} frames`,
    `sequential: playhead(i, +1) then frame(i) for every frame, one long-lived decoder; bare ffmpeg pipe read and discarded by Node; 5 alternating rounds, ratio is the median of per-round ratios (per-round: ${ratios.map((x) => x.toFixed(2)).join(' ')})`,
  ];
}

async function measure(path: string): Promise<BenchSection> {
  const threads = defaultThreads();
  const opens = await measureOpens(path);
  const src = await openVideoFile(path, 'packets');
  const svc = createVideoService({ packetAccess: false });
  const info = await svc.open(path);
  const feedSvc = createVideoService();
  const feed: Opened = { svc: feedSvc, id: (await feedSvc.open(path)).id };
  const seek: Opened = { svc, id: info.id };
  const n = info.frameCount;
  const cold = await measureCold(seek, feed, src.index, n);
  svc.clearCache();
  await feedSvc.dispose();
  // the floor: the same accesses' pictures decoded by ffmpeg alone, decode loop timed by ffmpeg
  const floor = await decodeFloor(src, cold.idx.slice(3), threads, tmpdir());
  const hot = await measureHot(seek);
  await svc.dispose();
  const { seq, bare, bareNull } = await measureSequential(path, n, threads);

  const h = summarize(hot);
  const sq = summarize(seq);
  const bf = summarize(bare);
  const bn = summarize(bareNull);
  const ratios = seq.map((x, r) => x / bare[r]!);
  const ratio = summarize(ratios);
  const of = summarize(opens.full);
  const op = summarize(opens.packets);
  const rows: string[][] = [
    ...feedRows(cold, floor),
    ...seekRows(cold),
    ['cached frame (ms)', h.p50.toFixed(3), h.p95.toFixed(3), String(hot.length), '≤ 5', h.p95 <= 5 ? 'yes' : 'NO'],
    ['sequential via service (fps)', sq.p50.toFixed(1), '', String(seq.length), '', ''],
    ['bare ffmpeg → rgba pipe, Node discards (fps)', bf.p50.toFixed(1), '', String(bare.length), '', ''],
    ['bare ffmpeg -f null, decode only (fps)', bn.p50.toFixed(1), '', String(bareNull.length), '', ''],
    ['sequential ratio service/bare pipe', ratio.p50.toFixed(2), '', String(ratios.length), '≥ 0.8', ratio.p50 >= 0.8 ? 'yes' : 'NO'],
    ['open, verify=full (ms)', ms(of.p50), ms(of.p95), String(opens.full.length), '', ''],
    ['open, verify=packets (ms)', ms(op.p50), ms(op.p95), String(opens.packets.length), '', ''],
  ];
  const notes = videoNotes(cold, info, n, path, threads, ratios);
  return { title: 'Video: 1080p30 H.264 random access, cache, sequential playback', columns: ['measure', 'p50', 'p95', 'n', 'target', 'met'], rows, notes };
}

await runIfMain(import.meta.url, bench);
