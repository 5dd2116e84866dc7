/**
 * DIS optical flow vs OpenCV's DIS (the peer), same pairs, same run, single-threaded.
 * Five synthetic 480x360 driving pairs with exact ground-truth flow are written as PNG + .flo to
 * a temp dir; scripts/bench/opencv_dis.py (cv2.setNumThreads(1)) reports its EPE and timings,
 * and ours runs on the same 8-bit grey images (one warm-up per pair, then repeated runs). The
 * two alternate in ROUNDS rounds so that background load hits both alike; figures are p50 / p95
 * over all rounds. Ours runs with both backends, WebAssembly SIMD (the default) and the TypeScript
 * reference ('js'), alternating per pair. Targets per preset (wasm backend): EPE ratio
 * ours/OpenCV <= 1.1, time ratio (p50) <= 2.0.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';
import { summarize, type BenchSection, runIfMain } from './types.ts';
import { generateSequence } from '../../electron/engine/synthetic/generate.ts';
import { disFlow } from '../../electron/engine/flow/dis.ts';
import { DIS_PRESET_NAMES, type DisBackend, type DisPreset } from '../../electron/engine/flow/dis-options.ts';
import { decodeFlo, encodeFlo } from '../../electron/engine/flow/flo.ts';
import { endPointError } from '../../electron/engine/flow/epe.ts';
import type { FlowField, GrayImage } from '../../electron/core/types.ts';

const W = 480;
const H = 360;
const PAIRS = 5;
const ROUNDS = 3;
const REPEATS = 3;
const PYTHON = '/usr/bin/python3';

interface Pair {
  a: GrayImage;
  b: GrayImage;
  gt: FlowField;
  files: { a: string; b: string; gt: string };
}

interface PeerResult {
  version: string;
  results: Record<string, { epe: number; ms: number[] }[]>;
}

/** The 8-bit grey image OpenCV's imread(IMREAD_GRAYSCALE) sees (BT.601 luma, rounded). */
function gray8(rgba: Uint8Array): GrayImage {
  const data = new Float32Array(W * H);
  for (let p = 0; p < W * H; p++) data[p] = Math.round(0.299 * rgba[4 * p]! + 0.587 * rgba[4 * p + 1]! + 0.114 * rgba[4 * p + 2]!);
  return { width: W, height: H, data };
}

function makePairs(dir: string): Pair[] {
  const pairs: Pair[] = [];
  for (let i = 0; i < PAIRS; i++) {
    const [fa, fb] = generateSequence({ width: W, height: H, frames: 2, seed: 101 + i, speed: 0.25 + 0.05 * i, cars: 8 });
    const files = { a: join(dir, `p${i}a.png`), b: join(dir, `p${i}b.png`), gt: join(dir, `p${i}.flo`) };
    for (const [f, path] of [[fa!, files.a], [fb!, files.b]] as const) {
      const png = new PNG({ width: W, height: H });
      png.data = Buffer.from(f.rgba);
      writeFileSync(path, PNG.sync.write(png));
    }
    writeFileSync(files.gt, encodeFlo(fa!.flowToNext!));
    pairs.push({ a: gray8(fa!.rgba), b: gray8(fb!.rgba), gt: fa!.flowToNext!, files });
  }
  return pairs;
}

function runPeer(dir: string, pairs: Pair[]): PeerResult | string {
  if (!existsSync(PYTHON)) return `${PYTHON} not found`;
  const script = join(dirname(fileURLToPath(import.meta.url)), 'opencv_dis.py');
  const manifest = join(dir, 'manifest.json');
  writeFileSync(manifest, JSON.stringify({ pairs: pairs.map((p) => p.files), presets: DIS_PRESET_NAMES, repeats: REPEATS, out: dir }));
  const r = spawnSync(PYTHON, [script, manifest], { encoding: 'utf8', timeout: 300_000 });
  if (r.error && (r.error as NodeJS.ErrnoException).code === 'ENOENT') return `${PYTHON} not found`;
  if (r.status !== 0) return `OpenCV peer failed: ${(r.stderr || r.error?.message || '').trim().split('\n').pop()}`;
  return JSON.parse(r.stdout) as PeerResult;
}

const fmt = (v: number, d = 2): string => (Number.isFinite(v) ? v.toFixed(d) : 'n/a');

interface Samples {
  times: number[];
  epes: number[];
}

/** Per preset: ours (wasm, with its flows for the agreement check), ours in js, and the peer's. */
interface Measured {
  ours: Map<DisPreset, Samples & { flows: FlowField[] }>;
  oursJs: Map<DisPreset, Samples>;
  theirs: Map<DisPreset, Samples>;
  peerError: string | undefined;
  peerVersion: string;
}

const mean = (v: number[]): number => v.reduce((a, b) => a + b, 0) / Math.max(1, v.length);

/** One round of the peer (its times, and its EPEs in the first round); notes why when it cannot run. */
function peerRound(dir: string, pairs: Pair[], m: Measured, round: number): void {
  const peer = runPeer(dir, pairs);
  if (typeof peer === 'string') {
    m.peerError = peer;
    return;
  }
  m.peerVersion = peer.version;
  for (const preset of DIS_PRESET_NAMES as readonly DisPreset[]) {
    const t = m.theirs.get(preset)!;
    for (const r of peer.results[preset] ?? []) {
      t.times.push(...r.ms);
      if (round === 0) t.epes.push(r.epe);
    }
  }
}

/** One round of ours, both backends, every preset and pair: a warm-up, then REPEATS timed runs. */
function oursRound(pairs: Pair[], m: Measured, round: number): void {
  for (const preset of DIS_PRESET_NAMES as readonly DisPreset[]) {
    for (const p of pairs) {
      for (const backend of ['wasm', 'js'] as const satisfies readonly DisBackend[]) {
        const o = backend === 'wasm' ? m.ours.get(preset)! : m.oursJs.get(preset)!;
        let flow = disFlow(p.a, p.b, { preset, backend }); // warm-up
        for (let r = 0; r < REPEATS; r++) {
          const t0 = performance.now();
          flow = disFlow(p.a, p.b, { preset, backend });
          o.times.push(performance.now() - t0);
        }
        if (round === 0) {
          o.epes.push(endPointError(flow, p.gt));
          if (backend === 'wasm') m.ours.get(preset)!.flows.push(flow);
        }
      }
    }
  }
}

/** The row of one preset, and its note when the peer ran. */
function presetRow(dir: string, preset: DisPreset, m: Measured): { row: string[]; note?: string } {
  const o = m.ours.get(preset)!;
  const os = summarize(o.times);
  const oursEpe = mean(o.epes);
  const js = m.oursJs.get(preset)!;
  const jsS = summarize(js.times);
  const jsCols = [fmt(mean(js.epes), 3), fmt(jsS.p50)];
  if (m.peerError !== undefined) {
    return { row: [preset, ...jsCols, fmt(oursEpe, 3), 'n/a', 'n/a', fmt(os.p50), fmt(os.p95), 'n/a', 'n/a', fmt(jsS.p50 / os.p50), 'no peer'] };
  }
  const t = m.theirs.get(preset)!;
  const cv = summarize(t.times);
  const cvEpe = mean(t.epes);
  const epeRatio = oursEpe / cvEpe;
  const cvFlowPath = (i: number): string => join(dir, `${preset}_${i}.flo`);
  const agreement = mean(o.flows.map((f, i) => (existsSync(cvFlowPath(i)) ? endPointError(f, decodeFlo(readFileSync(cvFlowPath(i)))) : Number.NaN)));
  const timeRatio = os.p50 / cv.p50;
  const pass = epeRatio <= 1.1 && timeRatio <= 2.0;
  return {
    row: [preset, ...jsCols, fmt(oursEpe, 3), fmt(cvEpe, 3), fmt(epeRatio), fmt(os.p50), fmt(os.p95), fmt(cv.p50), fmt(timeRatio), fmt(jsS.p50 / os.p50), pass ? 'PASS' : 'FAIL'],
    note:
      `${preset}: EPE ratio ${fmt(epeRatio)} (target <= 1.10 ${epeRatio <= 1.1 ? 'met' : 'NOT met'}), ` +
      `time ratio ${fmt(timeRatio)} (target <= 2.00 ${timeRatio <= 2 ? 'met' : 'NOT met'}; best-run ratio ${fmt(os.min / cv.min)}); ` +
      `mean end-point distance between our flow and OpenCV's: ${fmt(agreement, 3)} px`,
  };
}

export async function bench(): Promise<BenchSection> {
  const dir = mkdtempSync(join(tmpdir(), 'vss-bench-flow-'));
  try {
    const pairs = makePairs(dir);
    const presets = DIS_PRESET_NAMES as readonly DisPreset[];
    const samples = (): Samples => ({ times: [], epes: [] });
    const m: Measured = {
      ours: new Map(presets.map((p) => [p, { ...samples(), flows: [] }])),
      oursJs: new Map(presets.map((p) => [p, samples()])),
      theirs: new Map(presets.map((p) => [p, samples()])),
      peerError: undefined,
      peerVersion: '',
    };
    for (let round = 0; round < ROUNDS; round++) {
      if (m.peerError === undefined) peerRound(dir, pairs, m, round);
      oursRound(pairs, m, round);
    }
    const rows: string[][] = [];
    const notes: string[] = [];
    for (const preset of presets) {
      const { row, note } = presetRow(dir, preset, m);
      rows.push(row);
      if (note) notes.push(note);
    }
    notes.unshift(
      m.peerError !== undefined
        ? `Peer missing: ${m.peerError}; only our figures are shown.`
        : `Peer: OpenCV ${m.peerVersion} DISOpticalFlow via ${PYTHON}, cv2.setNumThreads(1), OpenCL off; ours on Node ${process.version}, single thread: backend wasm (WebAssembly SIMD, the default; EPE ratio, time ratio and targets use it) and js (TypeScript reference).`,
      `${PAIRS} synthetic ${W}x${H} pairs (exact ground-truth flow, EPE over all pixels); ${ROUNDS} alternating rounds of peer then ours, ${REPEATS} timed runs per pair and round after a warm-up; ms = p50/p95 of all runs.`,
      `Machine load while measuring: ${loadavg().map((v) => v.toFixed(1)).join(' / ')} (1/5/15-min load average on ${cpus().length} cores); timings on a shared machine are noisy.`,
    );
    return {
      title: `DIS optical flow vs OpenCV (${W}x${H}, single-threaded)`,
      columns: [
        'preset', 'EPE js', 'js p50 ms', 'EPE wasm', 'EPE OpenCV', 'EPE ratio', 'wasm p50 ms', 'wasm p95 ms', 'OpenCV p50 ms', 'time ratio',
        'js/wasm', 'targets',
      ],
      rows,
      notes,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await runIfMain(import.meta.url, bench);
