/**
 * The study behind the adaptive mode's key-frame rule (electron/engine/modes/README.md, "Adaptive:
 * the key-frame rule"): `node --import tsx scripts/adaptive-study.ts` (about 3 minutes on 2 cores).
 *
 * For every clip it computes once, for every key k and frame t in k..k+12, the output propagated
 * from k to t (flow t→k, warp of k's high features, head with t's low features) scored against the
 * ground truth (where there is one) and against the per-frame output, plus the propagation
 * deviation e(k,t). Key placements are then simulated with the engine's own rule classes
 * (RenewalStatistic, ThresholdController) at fixed thresholds, for the key counts of dff K = 4..7,
 * and every rule is scored as the mean over thresholds spread evenly across the range that gives
 * that count (one threshold is a draw: placements shifted by a frame differ by about a point).
 * Clips: CamVid val_a; the synthetic drive with and without scene cuts (exact labels); a real
 * dashcam clip without labels (../shared/data/videos/solidWhiteRight.mp4 at 12.5 Hz, 480x270;
 * scored against the per-frame output only).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toolPath } from '../electron/backend/video/ffmpeg-paths.ts';
import { ConfusionMatrix } from '../electron/engine/metrics/confusion.ts';
import { loadBundle } from '../electron/engine/model/bundle.ts';
import { createLabeler } from '../electron/engine/model/labels.ts';
import { propagationDeviation } from '../electron/engine/modes/deviation.ts';
import { flowDisOptions, flowTo, warpFeatures } from '../electron/engine/modes/propagate.ts';
import { KeyWarper } from '../electron/engine/warp/key-warper.ts';
import { RenewalStatistic } from '../electron/engine/modes/renewal.ts';
import { ThresholdController } from '../electron/engine/modes/threshold-controller.ts';
import { MODE_DEFAULTS, zeroTimings } from '../electron/engine/modes/types.ts';
import { flowGray, flowSizeFor } from '../electron/engine/segment/flow-gray.ts';
import { decodeGray8 } from '../electron/engine/segment/png.ts';
import { DEFAULT_MODEL_DIR } from '../electron/engine/segment/settings.ts';
import { readPngFolder } from '../electron/engine/segment/sources.ts';
import { generateSequence } from '../electron/engine/synthetic/generate.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const data = process.env.VSS_DATA_DIR ?? join(root, '..', 'shared', 'data');
const SPAN = 12;
const C = 11;

interface Clip {
  name: string;
  frames: { rgba: Uint8Array; width: number; height: number }[];
  labels?: Uint8Array[];
}

/** Per (k, t): confusion vs ground truth and vs the per-frame output, and the deviation. */
interface Cell {
  gt?: Float64Array;
  pf: Float64Array;
  e: number;
}

function miou(counts: Float64Array): number {
  const s = C + 1;
  let sum = 0;
  let n = 0;
  for (let c = 0; c < C; c++) {
    let fn = 0;
    let fp = 0;
    for (let j = 0; j <= C; j++) if (j !== c) fn += counts[c * s + j]!;
    for (let i = 0; i < C; i++) if (i !== c) fp += counts[i * s + c]!;
    const u = counts[c * s + c]! + fp + fn;
    if (u > 0) [sum, n] = [sum + counts[c * s + c]! / u, n + 1];
  }
  return sum / n;
}

async function table(clip: Clip): Promise<Map<string, Cell>> {
  const b = await loadBundle(DEFAULT_MODEL_DIR, { threads: 1 });
  const { width: W, height: H } = clip.frames[0]!;
  const fsize = flowSizeFor(b.manifest.input.width, b.manifest.input.height, MODE_DEFAULTS.flowScale);
  const dis = flowDisOptions(MODE_DEFAULTS.preset, MODE_DEFAULTS.flowScale);
  const lab = createLabeler(b.grid.width, b.grid.height, C, W, H);
  const per = [];
  for (const f of clip.frames) {
    const x = b.preprocess({ width: W, height: H, data: f.rgba });
    const low = await b.low(x);
    const high = await b.high(x, low);
    per.push({ gray: flowGray(f.rgba, W, H, fsize), low, high, labels: lab(await b.head(high, low)).labels.data.slice() });
  }
  const cells = new Map<string, Cell>();
  const t0 = zeroTimings();
  const highWarper = new KeyWarper();
  const lowWarper = new KeyWarper();
  for (let k = 0; k < per.length; k++) {
    for (let t = k; t < Math.min(per.length, k + SPAN + 1); t++) {
      const flow = flowTo(per[t]!.gray, per[k]!.gray, dis, t0);
      const labels = lab(await b.head(warpFeatures(highWarper, per[k]!.high, flow, t0), per[t]!.low)).labels.data;
      const pf = new ConfusionMatrix(C, { ignoreIndex: 255 }).add(per[t]!.labels, labels).counts;
      const gt = clip.labels ? new ConfusionMatrix(C, { ignoreIndex: C }).add(clip.labels[t]!, labels).counts : undefined;
      cells.set(`${k},${t}`, { pf, e: propagationDeviation(per[t]!.low, warpFeatures(lowWarper, per[k]!.low, flow, t0)), ...(gt ? { gt } : {}) });
    }
  }
  await b.release();
  return cells;
}

type Rule = 'threshold on e (before)' | 'renewal + saturation guard (now)';

/** Key frames the rule places; without a threshold, calibrated online to T = 5 (the default). */
function place(n: number, cells: Map<string, Cell>, rule: Rule, threshold: number | undefined): number[] {
  const ctl = new ThresholdController({ threshold, targetInterval: 5, maxInterval: 10, saturationMargin: rule === 'threshold on e (before)' ? 0 : undefined });
  const r = new RenewalStatistic();
  const keys = [0];
  for (let t = 1; t < n; t++) {
    const k = keys[keys.length - 1]!;
    const e = cells.get(`${k},${t}`)!.e;
    const statistic = rule === 'threshold on e (before)' ? e : r.next(t - k, e);
    if (ctl.decide({ statistic, deviation: e, interval: t - k }).trigger) {
      ctl.keyPlaced(t - k, e);
      keys.push(t);
      r.reset();
    }
  }
  return keys;
}

function score(n: number, cells: Map<string, Cell>, keys: number[]): { gt: number; pf: number } {
  const gt = new Float64Array(C * (C + 1));
  const pf = new Float64Array(C * (C + 1));
  let k = 0;
  for (let t = 0; t < n; t++) {
    if (keys.includes(t)) k = t;
    const c = cells.get(`${k},${t}`)!;
    c.pf.forEach((v, i) => (pf[i]! += v));
    c.gt?.forEach((v, i) => (gt[i]! += v));
  }
  return { gt: miou(gt), pf: miou(pf) };
}

async function clips(tmp: string): Promise<Clip[]> {
  const out: Clip[] = [];
  const val = join(data, 'camvid', 'val_a');
  if (existsSync(val)) {
    const names = (await readdir(`${val}annot`)).filter((f) => f.endsWith('.png')).sort();
    out.push({ name: 'CamVid val_a (50 frames)', frames: await readPngFolder(val), labels: await Promise.all(names.map(async (f) => decodeGray8(await readFile(join(`${val}annot`, f))).data)) });
  }
  for (const cuts of [[13, 27], []]) {
    const seq = generateSequence({ width: 480, height: 352, frames: 40, speed: 1, sceneCutAt: cuts });
    out.push({ name: `synthetic drive (40 frames${cuts.length ? `, scene cuts at ${cuts.join(', ')}` : ''})`, frames: seq.map((f) => ({ rgba: f.rgba, width: 480, height: 352 })), labels: seq.map((f) => f.labels.data) });
  }
  const video = join(data, 'videos', 'solidWhiteRight.mp4');
  if (existsSync(video)) {
    const r = spawnSync(toolPath('ffmpeg'), ['-loglevel', 'error', '-i', video, '-vf', 'fps=12.5,scale=480:270', join(tmp, '%04d.png')]);
    if (r.status === 0) out.push({ name: 'dashcam solidWhiteRight (111 frames, 12.5 Hz, no labels)', frames: await readPngFolder(tmp) });
  }
  return out;
}

const tmp = await mkdtemp(join(os.tmpdir(), 'vss-adaptive-study-'));
const lines = ['| clip | key frames (dff K) | dff GT / vs per-frame | threshold on e (before) | renewal + guard (now) |', '| --- | --- | --- | --- | --- |'];
const online = ['| clip | dff K=5: keys, GT / vs per-frame | threshold on e (before), online T=5 | renewal + guard (now), online T=5 |', '| --- | --- | --- | --- |'];
const pct = (x: number): string => (100 * x).toFixed(1);
try {
  for (const clip of await clips(tmp)) {
    const n = clip.frames.length;
    const cells = await table(clip);
    const d5 = Array.from({ length: Math.ceil(n / 5) }, (_, i) => i * 5);
    const s5 = score(n, cells, d5);
    const on = (['threshold on e (before)', 'renewal + saturation guard (now)'] as const).map((rule) => {
      const keys = place(n, cells, rule, undefined);
      const sc = score(n, cells, keys);
      return `${keys.length} keys, ${clip.labels ? pct(sc.gt) : '–'} / ${pct(sc.pf)}${clip.name.includes('cuts') ? ` (${keys.join(',')})` : ''}`;
    });
    online.push(`| ${clip.name} | ${d5.length} keys, ${clip.labels ? pct(s5.gt) : '–'} / ${pct(s5.pf)} | ${on.join(' | ')} |`);
    for (const K of [4, 5, 6, 7]) {
      const want = Math.ceil(n / K);
      const dff = score(n, cells, Array.from({ length: want }, (_, i) => i * K));
      const cellsOut: string[] = [];
      for (const rule of ['threshold on e (before)', 'renewal + saturation guard (now)'] as const) {
        // Thresholds spread evenly over the statistic's range; those giving exactly `want` keys.
        const hits: { gt: number; pf: number }[] = [];
        const top = rule === 'threshold on e (before)' ? 1.5 : 6;
        for (let i = 1; i <= 3000; i++) {
          const keys = place(n, cells, rule, (top * i) / 3000);
          if (keys.length === want) hits.push(score(n, cells, keys));
        }
        const mean = (f: (h: { gt: number; pf: number }) => number): number => hits.reduce((a, h) => a + f(h), 0) / hits.length;
        const d = (x: number): string => `${x >= 0 ? '+' : ''}${(100 * x).toFixed(2)}`;
        cellsOut.push(hits.length ? `${clip.labels ? d(mean((h) => h.gt) - dff.gt) : '–'} / ${d(mean((h) => h.pf) - dff.pf)}` : 'no threshold');
      }
      lines.push(`| ${clip.name} | ${want} (K=${K}) | ${clip.labels ? (100 * dff.gt).toFixed(1) : '–'} / ${(100 * dff.pf).toFixed(1)} | ${cellsOut.join(' | ')} |`);
    }
  }
} finally {
  await rm(tmp, { recursive: true, force: true });
}
console.log('mIoU points vs dff at the same key count: ground truth / agreement with the per-frame output (mean over the thresholds giving that count)\n');
console.log(lines.join('\n'));
console.log('\nOnline calibration to T = 5 (the default), synchronous schedule: key frames realised, mIoU ground truth / vs per-frame\n');
console.log(online.join('\n'));
