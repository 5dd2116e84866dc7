import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';
import { main } from '../main.ts';
import { decodeFlo } from '../../engine/flow/flo.ts';
import { endPointError } from '../../engine/flow/epe.ts';
import { generateSequence } from '../../engine/synthetic/generate.ts';

const dir = mkdtempSync(join(tmpdir(), 'vss-flow-cli-'));
const seq = generateSequence({ width: 128, height: 96, frames: 2, seed: 6, speed: 0.3 });
function writePng(path: string, rgba: Uint8Array, w: number, h: number): void {
  const png = new PNG({ width: w, height: h });
  png.data = Buffer.from(rgba);
  writeFileSync(path, PNG.sync.write(png));
}
const pa = join(dir, 'a.png');
const pb = join(dir, 'b.png');
writePng(pa, seq[0]!.rgba, 128, 96);
writePng(pb, seq[1]!.rgba, 128, 96);

async function run(argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out, err };
}

test('vss flow writes a .flo close to the ground truth and prints one JSON line', async () => {
  const target = join(dir, 'ab.flo');
  const r = await run(['flow', pa, pb, '--preset', 'medium', '--out', target]);
  assert.equal(r.code, 0, r.err.join('\n'));
  assert.equal(r.out.length, 1);
  const info = JSON.parse(r.out[0]!) as { width: number; height: number; preset: string; ms: number; out: string };
  assert.deepEqual({ w: info.width, h: info.height, preset: info.preset, out: info.out }, { w: 128, h: 96, preset: 'medium', out: target });
  assert.ok(info.ms > 0);
  const flow = decodeFlo(readFileSync(target));
  assert.equal(flow.width, 128);
  const epe = endPointError(flow, seq[0]!.flowToNext!, seq[0]!.occludedInNext!);
  assert.ok(epe < 1, `EPE ${epe}`);
  assert.ok(!readdirSync(dir).some((f) => f.endsWith('.tmp')), 'no temp file left behind');
});

test('vss flow errors are one line: missing file, not a PNG, size mismatch, bad preset, bad usage', async () => {
  const out = join(dir, 'x.flo');
  const small = join(dir, 'small.png');
  writePng(small, new Uint8Array(32 * 32 * 4).fill(128), 32, 32);
  const notPng = join(dir, 'not.png');
  writeFileSync(notPng, 'hello');
  // Bad files exit 1; mistakes in the command line are usage errors (exit 2).
  const cases: [string[], RegExp, number][] = [
    [['flow', join(dir, 'missing.png'), pb, '--out', out], /no such file/, 1],
    [['flow', notPng, pb, '--out', out], /not a valid PNG/, 1],
    [['flow', pa, small, '--out', out], /sizes differ: 128x96 vs 32x32/, 1],
    [['flow', pa, pb, '--preset', 'slow', '--out', out], /--preset must be one of ultrafast, fast, medium, got "slow"$/, 2],
    [['flow', pa, '--out', out], /missing <b\.png>$/, 2],
    [['flow', pa, pb], /missing --out$/, 2],
  ];
  for (const [argv, re, code] of cases) {
    const r = await run(argv);
    assert.equal(r.code, code, argv.join(' '));
    assert.equal(r.err.length, 1);
    assert.match(r.err[0]!, /^vss flow: /);
    assert.match(r.err[0]!, re);
  }
});

test('bin/vss.mjs flow runs end to end as a process', () => {
  const target = join(dir, 'proc.flo');
  const bin = fileURLToPath(new URL('../../../bin/vss.mjs', import.meta.url));
  const r = spawnSync(process.execPath, [bin, 'flow', pa, pb, '--preset', 'ultrafast', '--out', target], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const info = JSON.parse(r.stdout.trim()) as { preset: string };
  assert.equal(info.preset, 'ultrafast');
  assert.equal(decodeFlo(readFileSync(target)).height, 96);
});
