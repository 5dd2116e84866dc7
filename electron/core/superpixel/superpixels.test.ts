import test from 'node:test';
import assert from 'node:assert/strict';
import { rgbaToLab } from './lab.ts';
import { computeSuperpixels, superpixelBuffers, type Superpixels } from './superpixels.ts';
import { enforceConnectivity } from './connectivity.ts';
import { image } from './test-images.ts';

const GRAY = [120, 120, 120] as const;
const RED = [200, 30, 40] as const;
const BLUE = [30, 60, 200] as const;

/** Pixels of each superpixel reachable from its first pixel through 4-neighbours of the same id. */
function connectedSizes(sp: Superpixels): { sizes: Int32Array; reached: Int32Array } {
  const { width: w, height: h, labels } = sp;
  const sizes = new Int32Array(sp.count);
  const reached = new Int32Array(sp.count);
  for (const k of labels) sizes[k]!++;
  const seen = new Uint8Array(w * h);
  const started = new Uint8Array(sp.count);
  for (let i = 0; i < w * h; i++) {
    const k = labels[i]!;
    if (started[k]) continue;
    started[k] = 1;
    const stack = [i];
    seen[i] = 1;
    while (stack.length) {
      const p = stack.pop()!;
      reached[k]!++;
      const x = p % w;
      for (const q of [x > 0 ? p - 1 : -1, x < w - 1 ? p + 1 : -1, p - w, p + w]) {
        if (q >= 0 && q < w * h && !seen[q] && labels[q] === k) {
          seen[q] = 1;
          stack.push(q);
        }
      }
    }
  }
  return { sizes, reached };
}

test('Lab conversion: white, black and sRGB red land on their reference values', () => {
  const px = new Uint8Array([255, 255, 255, 255, 0, 0, 0, 255, 255, 0, 0, 255]);
  const lab = rgbaToLab(px, 3, 1);
  const near = (v: number, want: number) => assert.ok(Math.abs(v - want) < 0.2, `${v} vs ${want}`);
  near(lab.l[0]!, 100);
  near(lab.a[0]!, 0);
  near(lab.b[0]!, 0);
  near(lab.l[1]!, 0);
  near(lab.l[2]!, 53.24);
  near(lab.a[2]!, 80.09);
  near(lab.b[2]!, 67.2);
});

test('every superpixel is one 4-connected piece with no fragments, on a noisy image (each path: shrunk by 2, by 4 with cut edges, none)', () => {
  for (const [width, height, size] of [[160, 120, 12], [157, 101, 32], [93, 67, 5]] as const) {
    const img = image(width, height, (x, y) => ((x >> 4) + (y >> 3)) % 2 ? GRAY : BLUE, 25);
    const sp = computeSuperpixels(img.data, img.width, img.height, { size });
    const { sizes, reached } = connectedSizes(sp);
    for (let k = 0; k < sp.count; k++) {
      assert.ok(sizes[k]! > 0, `${width}×${height}, size ${size}: superpixel ${k} is not empty`);
      assert.equal(reached[k], sizes[k], `${width}×${height}, size ${size}: superpixel ${k} is connected`);
    }
  }
});

test('the number of superpixels is near width × height / size²', () => {
  const img = image(320, 240, (x, y) => [(x * 255) / 320, (y * 255) / 240, 90], 6);
  for (const size of [8, 16, 32]) {
    const sp = computeSuperpixels(img.data, img.width, img.height, { size });
    const want = (320 * 240) / (size * size);
    assert.ok(sp.count >= want * 0.7 && sp.count <= want * 1.3, `size ${size}: ${sp.count} superpixels, about ${want} wanted`);
  }
});

test('superpixels follow colour edges (99.5% of pixels), and a 2-pixel pole gets superpixels of its own', () => {
  // red left of an odd column, blue right of it, a gray pole two pixels wide in the blue part
  const side = (x: number): number => (x >= 101 && x <= 102 ? 2 : x < 47 ? 0 : 1);
  const img = image(160, 96, (x) => [RED, BLUE, GRAY][side(x)]!, 8);
  const sp = computeSuperpixels(img.data, img.width, img.height, { size: 16 });
  const counts = Array.from({ length: sp.count }, () => [0, 0, 0]);
  for (let i = 0; i < sp.labels.length; i++) counts[sp.labels[i]!]![side(i % img.width)]!++;
  const stray = counts.reduce((n, c) => n + c.reduce((a, b) => a + b, 0) - Math.max(...c), 0);
  assert.ok(stray <= sp.labels.length * 0.005, `${stray} pixels in a superpixel of another colour`);
  const pole = counts.filter((c) => c[2]! > 0);
  assert.ok(pole.every((c) => c[2]! === Math.max(...c)), 'the pole has superpixels of its own');
});

test('runs and neighbour tables agree with the label image', () => {
  const img = image(64, 48, (x, y) => ((x >> 3) + (y >> 3)) % 3 === 0 ? RED : GRAY, 12);
  const sp = computeSuperpixels(img.data, img.width, img.height, { size: 8 });
  const painted = new Int32Array(sp.labels.length).fill(-1);
  for (let k = 0; k < sp.count; k++) {
    for (let r = sp.runStart[k]!; r < sp.runStart[k + 1]!; r++) {
      const [y, x0, x1] = [sp.runs[r * 3]!, sp.runs[r * 3 + 1]!, sp.runs[r * 3 + 2]!];
      for (let x = x0; x <= x1; x++) painted[y * sp.width + x] = k;
    }
  }
  assert.deepEqual([...painted], [...sp.labels]);
  const touching = new Set<string>();
  for (let i = 0; i < sp.labels.length; i++) {
    const x = i % sp.width;
    for (const j of [x + 1 < sp.width ? i + 1 : -1, i + sp.width < sp.labels.length ? i + sp.width : -1]) {
      if (j >= 0 && sp.labels[i] !== sp.labels[j]) touching.add(`${sp.labels[i]}-${sp.labels[j]}`).add(`${sp.labels[j]}-${sp.labels[i]}`);
    }
  }
  const table = new Set<string>();
  for (let k = 0; k < sp.count; k++) for (let j = sp.adjStart[k]!; j < sp.adjStart[k + 1]!; j++) table.add(`${k}-${sp.adj[j]}`);
  assert.deepEqual([...table].sort(), [...touching].sort());
});

test('connectivity splits a label in two pieces and folds a small fragment into its left neighbour', () => {
  // label 0 | label 1 | label 0 (two pieces); a one-pixel label 2 inside the middle band
  const w = 9;
  const rows = ['000111000', '000121000', '000111000'];
  const labels = Int32Array.from(rows.join('').split('').map(Number));
  const r = enforceConnectivity(labels, w, 3, 2);
  assert.equal(r.count, 3);
  assert.deepEqual([...r.labels].join(''), '000111222'.repeat(3));
});

test('working buffers reused across calls: a result stays as it was, and the same frame gives the same superpixels', () => {
  const a = image(96, 64, (x, y) => ((x >> 4) + (y >> 4)) % 2 ? RED : BLUE, 10);
  const b = image(130, 70, (x) => (x < 65 ? GRAY : RED), 20);
  const first = computeSuperpixels(a.data, a.width, a.height, { size: 16 });
  const copy = structuredClone(first);
  computeSuperpixels(b.data, b.width, b.height, { size: 8 });
  computeSuperpixels(b.data, b.width, b.height, { size: 16 });
  assert.deepEqual(first, copy, 'a later call changed an earlier result');
  assert.deepEqual(computeSuperpixels(a.data, a.width, a.height, { size: 16 }), first);
  // every array has a buffer of its own (posted from the worker with a transfer list)
  const buffers = superpixelBuffers(first);
  assert.equal(new Set(buffers).size, buffers.length);
  assert.ok([first.labels, first.means, first.runStart, first.runs, first.adjStart, first.adj].every((t) => t.byteOffset === 0 && t.byteLength === t.buffer.byteLength));
});

test('bad sizes are refused with a one-line error', () => {
  const px = new Uint8Array(16);
  assert.throws(() => computeSuperpixels(px, 2, 2, { size: 1 }), /size must be at least 2/);
  assert.throws(() => computeSuperpixels(px, 0, 2, { size: 4 }), /bad size/);
});
