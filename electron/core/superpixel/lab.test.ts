import test from 'node:test';
import assert from 'node:assert/strict';
import { rgbaToLab, shrinkRgbaToLab, type LabImage } from './lab.ts';

/** CIE Lab (D65) of an sRGB colour whose channels are given in [0, 1], in double precision. */
function exactLab(r: number, g: number, b: number): [number, number, number] {
  const lin = (c: number): number => (c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4));
  const [R, G, B] = [lin(r), lin(g), lin(b)];
  const x = (0.4124564 * R + 0.3575761 * G + 0.1804375 * B) / 0.95047;
  const y = 0.2126729 * R + 0.7151522 * G + 0.072175 * B;
  const z = (0.0193339 * R + 0.119192 * G + 0.9503041 * B) / 1.08883;
  const f = (t: number): number => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 / 116) * t + 16 / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

const deltaE = (lab: LabImage, i: number, want: [number, number, number]): number => Math.hypot(lab.l[i]! - want[0], lab.a[i]! - want[1], lab.b[i]! - want[2]);

function planes(width: number, height: number): LabImage {
  const n = width * height;
  return { width, height, l: new Float32Array(n), a: new Float32Array(n), b: new Float32Array(n) };
}

test('the table conversion stays within 0.25 ΔE of the exact one over random colours', () => {
  const n = 4096;
  const px = new Uint8Array(n * 4);
  let seed = 99;
  for (let i = 0; i < px.length; i++) px[i] = (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24;
  const lab = rgbaToLab(px, n, 1);
  let worst = 0;
  for (let i = 0; i < n; i++) worst = Math.max(worst, deltaE(lab, i, exactLab(px[i * 4]! / 255, px[i * 4 + 1]! / 255, px[i * 4 + 2]! / 255)));
  assert.ok(worst < 0.25, `worst ΔE ${worst}`);
});

test('shrinking averages each box in sRGB, and boxes cut by an odd edge repeat their last pixel', () => {
  // 5 × 3 pixels: column 4 and row 2 are cut boxes at factor 2 (and everything is one cut box at 4)
  const width = 5;
  const height = 3;
  const rgba = new Uint8Array(width * height * 4);
  const set = (x: number, y: number, v: number): void => void rgba.set([v, v, v, 255], (y * width + x) * 4);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) set(x, y, (x + y) % 2 ? 255 : 0);
  set(4, 0, 40);
  set(4, 1, 80);
  set(0, 2, 200);
  set(1, 2, 100);
  const half = planes(3, 2);
  shrinkRgbaToLab(rgba, width, height, 2, half);
  const grey = (v: number): [number, number, number] => exactLab(v, v, v);
  assert.ok(deltaE(half, 0, grey(0.5)) < 0.25, 'two black and two white pixels: mid grey in sRGB');
  assert.ok(deltaE(half, 2, grey((40 + 40 + 80 + 80) / 4 / 255)) < 0.25, 'the right edge repeats column 4');
  assert.ok(deltaE(half, 3, grey((200 + 100 + 200 + 100) / 4 / 255)) < 0.25, 'the bottom edge repeats row 2');
  const quarter = planes(2, 1);
  shrinkRgbaToLab(rgba, width, height, 4, quarter);
  // box 1 (columns 4..7, rows 0..3): column 4 four times over rows 0, 1, 2, 2 (row 2, column 4 is black)
  assert.ok(deltaE(quarter, 1, grey((4 * 40 + 4 * 80 + 8 * 0) / 16 / 255)) < 0.25, 'a box cut on two sides at factor 4');
});
