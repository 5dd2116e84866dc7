// Stage timing of a split bundle (and its single-graph twin) in onnxruntime-node on the CPU:
// low, high, head alone, a key frame (low + high + head) and a non-key frame (low + head on cached
// high), medians after a warm-up, interleaved round by round so that load hits every case alike.
// Stage inputs are read from model.json, so `high` may read the image or the low features.
//   node native-models/training/bench_bundle.mjs --bundle native-models/camvid-edge \
//        [--single native-models/camvid-edge-single] [--runs 30] [--warmup 5] [--threads 2] [--json out.json]
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as ort from 'onnxruntime-node';

const arg = (k, d) => { const i = process.argv.indexOf(`--${k}`); return i >= 0 ? process.argv[i + 1] : d; };
const bundle = path.resolve(arg('bundle', 'native-models/camvid-edge'));
const singleDir = arg('single', '');
const RUNS = Number(arg('runs', 30)), WARMUP = Number(arg('warmup', 5)), THREADS = Number(arg('threads', 2));
const jsonOut = arg('json', '');

const manifest = JSON.parse(fs.readFileSync(path.join(bundle, 'model.json'), 'utf8'));
const opts = { intraOpNumThreads: THREADS, interOpNumThreads: 1, graphOptimizationLevel: 'all',
  extra: { session: { intra_op: { allow_spinning: '0' } } } };
const st = manifest.stages;
const sessions = {};
for (const name of ['low', 'high', 'head']) sessions[name] = await ort.InferenceSession.create(path.join(bundle, st[name].graph), opts);
const single = singleDir ? await ort.InferenceSession.create(path.join(path.resolve(singleDir), 'model.onnx'), opts) : null;

const { width: W, height: H } = manifest.input;
const data = new Float32Array(3 * H * W);
for (let i = 0; i < data.length; i++) data[i] = Math.sin(i * 0.001) * 0.8;
const image = new ort.Tensor('float32', data, [1, 3, H, W]);
const runStage = async (name, env) => {
  const feeds = {};
  for (const [input, source] of Object.entries(st[name].inputs)) feeds[input] = env[source];
  return (await sessions[name].run(feeds))[st[name].output];
};
const env0 = { image };
env0.low = await runStage('low', env0);
env0.high = await runStage('high', env0);

const cases = {
  low: () => runStage('low', env0),
  high: () => runStage('high', env0),
  head: () => runStage('head', env0),
  'key frame (low+high+head)': async () => {
    const env = { image };
    env.low = await runStage('low', env);
    env.high = await runStage('high', env);
    return runStage('head', env);
  },
  'non-key frame (low+head)': async () => {
    const env = { image, high: env0.high };
    env.low = await runStage('low', env);
    return runStage('head', env);
  },
};
if (single) cases['single graph'] = () => single.run({ [single.inputNames[0]]: image });

const times = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
for (let r = -WARMUP; r < RUNS; r++) {
  for (const [name, fn] of Object.entries(cases)) {
    const t0 = performance.now();
    await fn();
    if (r >= 0) times[name].push(performance.now() - t0);
  }
}
const median = (a) => { const s = [...a].sort((x, y) => x - y); return s[Math.floor(s.length / 2)]; };
const results = Object.fromEntries(Object.entries(times).map(([k, t]) => [k, { median_ms: median(t), min_ms: Math.min(...t) }]));
const sum = results.low.median_ms + results.high.median_ms + results.head.median_ms;
const share = { low: results.low.median_ms / sum, high: results.high.median_ms / sum, head: results.head.median_ms / sum };
console.log(`${manifest.name} @ ${W}x${H}, ${THREADS} threads, ${RUNS} interleaved rounds after ${WARMUP}; load ${os.loadavg().map((v) => v.toFixed(2)).join(' ')}`);
for (const [k, r] of Object.entries(results)) {
  const s = k in share ? `  share ${(100 * share[k]).toFixed(1)}%` : '';
  console.log(`${k.padEnd(28)} median ${r.median_ms.toFixed(2)} ms  min ${r.min_ms.toFixed(2)} ms${s}`);
}
if (jsonOut) fs.writeFileSync(jsonOut, JSON.stringify({ bundle: manifest.name, width: W, height: H, threads: THREADS, runs: RUNS,
  warmup: WARMUP, loadavg: os.loadavg(), results, stage_share: share }, null, 1) + '\n');
