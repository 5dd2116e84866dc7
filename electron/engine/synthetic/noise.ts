/**
 * Deterministic procedural texture helpers for the synthetic scenes: a seeded PRNG, hashed value
 * noise, and band-limited fractal noise whose octaves fade out when they get finer than the
 * pixel footprint (a cheap analytic mip-map), so rendered frames do not alias and warping a
 * frame by its exact flow reproduces its neighbour.
 */

/** mulberry32: small, fast, good enough for layouts. Returns a function yielding [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hash2(ix: number, iy: number, seed: number): number {
  let h = Math.imul(ix, 0x27d4eb2d) ^ Math.imul(iy, 0x165667b1) ^ Math.imul(seed, 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
}

/** Smooth value noise in [0, 1) on a unit lattice. */
export function valueNoise(x: number, y: number, seed: number): number {
  const xi = Math.floor(x);
  const yi = Math.floor(y);
  const fx = x - xi;
  const fy = y - yi;
  const sx = fx * fx * (3 - 2 * fx);
  const sy = fy * fy * (3 - 2 * fy);
  const a = hash2(xi, yi, seed);
  const b = hash2(xi + 1, yi, seed);
  const c = hash2(xi, yi + 1, seed);
  const d = hash2(xi + 1, yi + 1, seed);
  const top = a + sx * (b - a);
  const bot = c + sx * (d - c);
  return top + sy * (bot - top);
}

/**
 * Fractal noise in roughly [-0.5, 0.5]: octaves of wavelength `base`, base/2, ... (world units);
 * an octave's amplitude fades to 0 as its wavelength drops from 4 to 2 pixel footprints.
 */
export function fbm(x: number, y: number, seed: number, base: number, octaves: number, footprint: number): number {
  let sum = 0;
  let amp = 0.5;
  let lambda = base;
  for (let o = 0; o < octaves; o++) {
    const r = lambda / footprint;
    if (r <= 2) break;
    const fade = r >= 4 ? 1 : (r - 2) / 2;
    sum += amp * fade * (valueNoise(x / lambda, y / lambda, seed + o * 1013) - 0.5);
    amp *= 0.6;
    lambda *= 0.5;
  }
  return sum;
}

/** Anti-aliased box pulse: ~1 inside |t| < halfWidth, 0 outside, ramp of one footprint. */
export function softBand(t: number, halfWidth: number, footprint: number): number {
  const v = (halfWidth - Math.abs(t)) / footprint + 0.5;
  return v <= 0 ? 0 : v >= 1 ? 1 : v;
}
