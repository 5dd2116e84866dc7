/**
 * The Electron bundles cannot be launched here (no Electron binary), but the engine worker they
 * start can: build them, then run a real segmentation job from a CommonJS bundle laid out like
 * dist/electron/main.cjs, so the worker resolves dist/electron/entry.mjs (bundled, no tsx) and
 * its stage worker and WebAssembly kernels beside it.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { build } from 'esbuild';

const root = resolve(import.meta.dirname, '..');
const dist = join(root, 'dist', 'electron');

test('build:electron bundles main, preload, an engine worker that runs a job and a flow worker that computes flow, without tsx', async () => {
  const b = spawnSync(process.execPath, ['scripts/build-electron.mjs'], { cwd: root, encoding: 'utf8' });
  assert.equal(b.status, 0, b.stderr);
  for (const f of ['main.cjs', 'preload.cjs', 'entry.mjs', 'flow-entry.mjs', 'stage-worker.mjs', 'dis-kernels.wasm']) {
    assert.ok(existsSync(join(dist, f)), `${f} is built`);
  }
  const preload = (await import('node:fs')).readFileSync(join(dist, 'preload.cjs'), 'utf8');
  const requires = [...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
  assert.deepEqual([...new Set(requires)], ['electron'], 'a sandboxed preload may require only electron');

  const src = join(dist, 'check-job.ts');
  const out = join(dist, 'check-job.cjs');
  const runOut = join(dist, 'check-job-out');
  const flowSrc = join(dist, 'check-flow.ts');
  const flowOut = join(dist, 'check-flow.cjs');
  // The overlay flow worker, started from a bundle laid out like main.cjs (resolves flow-entry.mjs).
  writeFileSync(
    flowSrc,
    `import { FlowWorker } from '../../electron/engine/flow-worker/client.ts';
const frame = (dx: number) => { const rgba = new Uint8Array(96 * 64 * 4); for (let i = 0; i < 96 * 64; i++) { const x = i % 96; rgba.fill(((x + dx) * 37) % 251, 4 * i, 4 * i + 3); } return { width: 96, height: 64, rgba }; };
const w = new FlowWorker();
w.compute(frame(0), frame(1), 480).then((g) => { console.log(JSON.stringify({ width: g.flow.width, height: g.flow.height, n: g.flow.data.length })); return w.dispose(); }, (e) => { console.error(String(e)); process.exitCode = 1; });
`,
  );
  writeFileSync(
    src,
    `import { EngineClient } from '../../electron/engine/worker/client.ts';
import { MODE_DEFAULTS } from '../../electron/engine/modes/types.ts';
import { generateSequence } from '../../electron/engine/synthetic/generate.ts';
const seq = generateSequence({ width: 96, height: 64, frames: 6 });
const run = new EngineClient().start(
  { settings: { ...MODE_DEFAULTS, mode: 'adaptive', lowLatency: true, model: ${JSON.stringify(join(root, 'native-models/test-tiny/split'))}, executionProvider: 'cpu', threads: 1, flowScale: 0.5, tc: true },
    out: ${JSON.stringify(runOut)}, force: true, source: 'synthetic', total: seq.length },
  { total: seq.length, read: async (i) => ({ index: i, stem: String(i).padStart(6, '0'), width: 96, height: 64, rgba: new Uint8Array(seq[i]!.rgba), decodeMs: 0 }) },
);
run.result.then((s) => { console.log(JSON.stringify({ frames: s.frames, keyFrames: s.keyFrames })); }, (e) => { console.error(String(e)); process.exitCode = 1; });
`,
  );
  const bundle = (entry: string, outfile: string) =>
    build({
      entryPoints: [entry],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['electron', 'onnxruntime-node', '@ffmpeg-installer/*', '@ffprobe-installer/*', 'ws'],
      define: { 'import.meta.url': '__u' },
      banner: { js: "const __u = require('node:url').pathToFileURL(__filename).href;" },
      logLevel: 'warning',
    });
  try {
    await bundle(src, out);
    await bundle(flowSrc, flowOut);
    const f = spawnSync(process.execPath, [flowOut], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    assert.equal(f.status, 0, f.stderr);
    assert.deepEqual(JSON.parse(f.stdout.trim().split('\n').pop() ?? '{}'), { width: 96, height: 64, n: 96 * 64 * 2 });
    const r = spawnSync(process.execPath, [out], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    assert.equal(r.status, 0, r.stderr);
    const summary = JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as { frames: number; keyFrames: number[] };
    assert.equal(summary.frames, 6);
    assert.equal(summary.keyFrames[0], 0);
  } finally {
    for (const p of [src, out, runOut, flowSrc, flowOut]) rmSync(p, { recursive: true, force: true });
  }
});
