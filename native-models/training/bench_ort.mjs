// Per-frame inference time of the camvid-lite bundle with onnxruntime-node (CPU).
// Run from the repo root:  node native-models/training/bench_ort.mjs [--runs 50] [--warmup 10] [--threads 2] [--spin 0|1] [--json out.json]
// --spin 0 (default) sets session.intra_op.allow_spinning=0: with several sessions run one after another
// on 2 cores, ORT's default spin-waiting worker threads of the idle sessions steal CPU from the active one
// (measured here: key frame 40 ms with spinning vs 20 ms without).
// Measures low, high, head separately (each on its own outputs from a previous run), the full
// split chain (low -> high -> head, i.e. a key frame), the non-key path (low + head with cached
// high), and the single graph, at the manifest input size (480x352).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as ort from 'onnxruntime-node';

const here = path.dirname(fileURLToPath(import.meta.url));
const models = path.resolve(here, '..');
const arg = (k, d) => { const i = process.argv.indexOf(`--${k}`); return i >= 0 ? process.argv[i + 1] : d; };
const RUNS = Number(arg('runs', 50)), WARMUP = Number(arg('warmup', 10)), THREADS = Number(arg('threads', 2));
const jsonOut = arg('json', '');
const SPIN = String(arg('spin', '0'));

const split = JSON.parse(fs.readFileSync(path.join(models, 'camvid-lite', 'model.json'), 'utf8'));
const opts = { intraOpNumThreads: THREADS, interOpNumThreads: 1, graphOptimizationLevel: 'all',
  extra: { session: { intra_op: { allow_spinning: SPIN } } } };
const open = (f) => ort.InferenceSession.create(f, opts);
const st = split.stages;
const low = await open(path.join(models, 'camvid-lite', st.low.graph));
const high = await open(path.join(models, 'camvid-lite', st.high.graph));
const head = await open(path.join(models, 'camvid-lite', st.head.graph));
const single = await open(path.join(models, 'camvid-lite-single', 'model.onnx'));

const { width: W, height: H } = split.input;
const data = new Float32Array(3 * H * W);
for (let i = 0; i < data.length; i++) data[i] = Math.sin(i * 0.001) * 0.8;
const image = new ort.Tensor('float32', data, [1, 3, H, W]);
const lowOut = (await low.run({ image }))[st.low.output];
const highOut = (await high.run({ low: lowOut }))[st.high.output];

const cases = {
  low: () => low.run({ image }),
  high: () => high.run({ low: lowOut }),
  head: () => head.run({ high: highOut, low: lowOut }),
  'full split (key frame: low+high+head)': async () => {
    const l = (await low.run({ image }))[st.low.output];
    const h = (await high.run({ low: l }))[st.high.output];
    return head.run({ high: h, low: l });
  },
  'non-key (low+head, cached high)': async () => {
    const l = (await low.run({ image }))[st.low.output];
    return head.run({ high: highOut, low: l });
  },
  'single graph': () => single.run({ image }),
};

const q = (a, p) => a[Math.min(a.length - 1, Math.floor(p * (a.length - 1) + 0.5))];
const results = {};
for (const [name, fn] of Object.entries(cases)) {
  for (let i = 0; i < WARMUP; i++) await fn();
  const t = [];
  for (let i = 0; i < RUNS; i++) { const t0 = performance.now(); await fn(); t.push(performance.now() - t0); }
  t.sort((a, b) => a - b);
  results[name] = { median_ms: q(t, 0.5), p95_ms: q(t, 0.95), min_ms: t[0] };
}
const stageSum = results.low.median_ms + results.high.median_ms + results.head.median_ms;
console.log(`camvid-lite @ ${W}x${H}, onnxruntime-node ${ort.env.versions?.common ?? ''} CPU, ${THREADS} threads, ` +
  `allow_spinning=${SPIN}, ${RUNS} runs after ${WARMUP} warm-up; host ${os.cpus().length} cores, load avg ${os.loadavg().map((v) => v.toFixed(2)).join(' ')}`);
for (const [name, r] of Object.entries(results)) {
  const share = ['low', 'high', 'head'].includes(name) ? `  share ${(100 * r.median_ms / stageSum).toFixed(1)}%` : '';
  console.log(`${name.padEnd(40)} median ${r.median_ms.toFixed(2)} ms  p95 ${r.p95_ms.toFixed(2)} ms  ` +
    `(${(1000 / r.median_ms).toFixed(1)} fps)${share}`);
}
if (jsonOut) fs.writeFileSync(jsonOut, JSON.stringify({ ort: ort.env.versions?.common ?? '1.30.0', allow_spinning: SPIN, width: W, height: H, threads: THREADS, runs: RUNS, warmup: WARMUP,
  loadavg: os.loadavg(), results, stage_share: { low: results.low.median_ms / stageSum, high: results.high.median_ms / stageSum, head: results.head.median_ms / stageSum } }, null, 1));
