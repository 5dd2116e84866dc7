// @ts-nocheck
/**
 * WebAssembly twins of ../../../model/probabilities.ts (softmaxChannels) and ../../../model/labels.ts
 * (createLabeler), used by model/probability-kernels.ts. Tensors are CHW planes of np floats (the
 * grid's pixel count padded to a multiple of 4 by the caller). Arithmetic is f32 (the TypeScript
 * references compute in f64): results agree within f32 rounding.
 */

/** e^x for x <= 0 (clamped at -87, e^-87 ~ 1.6e-38), Cephes' expf polynomial: ~1 ulp. */
@inline function expNonPositive(x: v128): v128 {
  x = f32x4.max(x, f32x4.splat(-87.0));
  const n = f32x4.nearest(f32x4.mul(x, f32x4.splat(1.44269504088896341)));
  let r = f32x4.sub(x, f32x4.mul(n, f32x4.splat(0.693359375)));
  r = f32x4.sub(r, f32x4.mul(n, f32x4.splat(-2.12194440e-4)));
  let p = f32x4.splat(1.9875691500e-4);
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(1.3981999507e-3));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(8.3334519073e-3));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(4.1665795894e-2));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(1.6666665459e-1));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(5.0000001201e-1));
  p = f32x4.add(f32x4.add(f32x4.mul(f32x4.mul(p, r), r), r), f32x4.splat(1.0));
  const scale = i32x4.shl(i32x4.add(i32x4.trunc_sat_f32x4_s(n), i32x4.splat(127)), 23);
  return f32x4.mul(p, scale);
}

/** In-place softmax over the C planes of np floats at d, 4 pixels per step. */
export function softmax(d: usize, C: i32, np: i32): void {
  const plane = (<usize>np) << 2;
  for (let q: usize = 0; q < plane; q += 16) {
    let mx = v128.load(d + q);
    for (let c = 1; c < C; c++) mx = f32x4.max(mx, v128.load(d + plane * <usize>c + q));
    let sum = f32x4.splat(0);
    for (let c = 0; c < C; c++) {
      const a = d + plane * <usize>c + q;
      const e = expNonPositive(f32x4.sub(v128.load(a), mx));
      v128.store(a, e);
      sum = f32x4.add(sum, e);
    }
    const inv = f32x4.div(f32x4.splat(1.0), sum);
    for (let c = 0; c < C; c++) {
      const a = d + plane * <usize>c + q;
      v128.store(a, f32x4.mul(v128.load(a), inv));
    }
  }
}

/** Per grid cell: the first channel with the largest value (i32) and that value, 4 cells per step. */
export function cellArgMax(d: usize, C: i32, np: i32, arg: usize, mx: usize): void {
  const plane = (<usize>np) << 2;
  for (let q: usize = 0; q < plane; q += 16) {
    let best = v128.load(d + q);
    let bi = i32x4.splat(0);
    for (let c = 1; c < C; c++) {
      const v = v128.load(d + plane * <usize>c + q);
      const m = f32x4.gt(v, best);
      best = v128.bitselect(v, best, m);
      bi = v128.bitselect(i32x4.splat(c), bi, m);
    }
    v128.store(mx + q, best);
    v128.store(arg + q, bi);
  }
}

/** f32 lerp of rows r0, r1 (byte offsets) into dst, n floats (a multiple of 4), weight wy of r1. */
@inline function lerpRows(r0: usize, r1: usize, dst: usize, n: i32, wy: f32): void {
  const w1 = f32x4.splat(wy), w0 = f32x4.splat(<f32>1.0 - wy);
  for (let k: usize = 0, e = (<usize>n) << 2; k < e; k += 16) {
    v128.store(dst + k, f32x4.add(f32x4.mul(v128.load(r0 + k), w0), f32x4.mul(v128.load(r1 + k), w1)));
  }
}

/**
 * Labels and confidence at W x H from the gw x gh grid (cellArgMax done): bilinear upsampling of the
 * probabilities (half-pixel tables xi0/xi1/xw, yi0/yi1/yw) fused with the argmax. Where the 4 cells
 * around a pixel share their argmax k, k is the argmax of any blend of them and the blended max is
 * the blend of their maxima; elsewhere ("mixed" pixels) every channel is blended.
 * - The cells' maxima are blended horizontally once per grid row (hrow: gh rows of W), so each
 *   output row's confidence is one vertical blend of two such rows, 4 pixels per SIMD step.
 * - Per pair of grid rows (they change every few output rows): the row of labels of the uniform
 *   pixels (lrow, W bytes) and the list of mixed pixels (mix, W i32).
 * - Mixed pixels: every channel blended vertically for the row (vrow), then horizontally.
 * Scratch: uni (gw i32), hrow (gh x Wp f32), lrow (Wp bytes), mix (W i32), vrow (C x gwp f32);
 * Wp = W rounded up to a multiple of 4, gwp likewise for gw; labels and conf have Wp - W bytes to spare.
 */
export function labelRows(
  d: usize, C: i32, np: i32, gw: i32, gh: i32, arg: usize, mx: usize,
  xi0: usize, xi1: usize, xw: usize, W: i32, yi0: usize, yi1: usize, yw: usize, H: i32,
  uni: usize, hrow: usize, lrow: usize, mix: usize, vrow: usize, labels: usize, conf: usize,
): void {
  const plane = (<usize>np) << 2;
  const gwp = (gw + 3) & ~3;
  const Wp = (W + 3) & ~3;
  const vplane = (<usize>gwp) << 2;
  const hplane = (<usize>Wp) << 2;
  for (let r = 0; r < gh; r++) {
    const m = mx + ((<usize>(r * gw)) << 2);
    const h = hrow + hplane * <usize>r;
    for (let x = 0; x < Wp; x++) {
      const xo = (<usize>(x < W ? x : W - 1)) << 2;
      const wx = load<f32>(xw + xo);
      store<f32>(h + ((<usize>x) << 2), load<f32>(m + ((<usize>load<i32>(xi0 + xo)) << 2)) * (<f32>1.0 - wx) + load<f32>(m + ((<usize>load<i32>(xi1 + xo)) << 2)) * wx);
    }
  }
  let last0 = -1, last1 = -1;
  let nmix = 0;
  const lo = f32x4.splat(0), hi = f32x4.splat(255), half = f32x4.splat(0.5);
  for (let y = 0; y < H; y++) {
    const g0 = load<i32>(yi0 + ((<usize>y) << 2));
    const g1 = load<i32>(yi1 + ((<usize>y) << 2));
    const r0 = g0 * gw, r1 = g1 * gw;
    const wy = load<f32>(yw + ((<usize>y) << 2));
    if (r0 != last0 || r1 != last1) {
      for (let j = 0; j < gw; j++) {
        const j1 = j + 1 < gw ? j + 1 : j;
        const k = load<i32>(arg + ((<usize>(r0 + j)) << 2));
        const same = load<i32>(arg + ((<usize>(r0 + j1)) << 2)) == k && load<i32>(arg + ((<usize>(r1 + j)) << 2)) == k && load<i32>(arg + ((<usize>(r1 + j1)) << 2)) == k;
        store<i32>(uni + ((<usize>j) << 2), same ? k : -1);
      }
      nmix = 0;
      for (let x = 0; x < W; x++) {
        const k = load<i32>(uni + ((<usize>load<i32>(xi0 + ((<usize>x) << 2))) << 2));
        store<u8>(lrow + <usize>x, <u8>k);
        if (k < 0) {
          store<i32>(mix + ((<usize>nmix) << 2), x);
          nmix++;
        }
      }
      last0 = r0;
      last1 = r1;
    }
    const row = <usize>(y * W);
    const h0 = hrow + hplane * <usize>g0, h1 = hrow + hplane * <usize>g1;
    const w1 = f32x4.splat(wy), w0 = f32x4.splat(<f32>1.0 - wy);
    for (let k: usize = 0, e = hplane; k < e; k += 16) {
      const v = f32x4.add(f32x4.mul(v128.load(h0 + k), w0), f32x4.mul(v128.load(h1 + k), w1));
      const s = i32x4.trunc_sat_f32x4_s(f32x4.min(f32x4.max(f32x4.add(f32x4.mul(v, hi), half), lo), hi));
      v128.store32_lane(conf + row + (k >> 2), i8x16.narrow_i16x8_u(i16x8.narrow_i32x4_s(s, s), i16x8.narrow_i32x4_s(s, s)), 0);
    }
    memory.copy(labels + row, lrow, <usize>W);
    if (nmix == 0) continue;
    for (let c = 0; c < C; c++) {
      const pc = d + plane * <usize>c;
      lerpRows(pc + ((<usize>r0) << 2), pc + ((<usize>r1) << 2), vrow + vplane * <usize>c, gwp, wy);
    }
    for (let i = 0; i < nmix; i++) {
      const x = load<i32>(mix + ((<usize>i) << 2));
      const xo = (<usize>x) << 2;
      const j0 = (<usize>load<i32>(xi0 + xo)) << 2;
      const j1 = (<usize>load<i32>(xi1 + xo)) << 2;
      const wx = load<f32>(xw + xo);
      const wl = <f32>1.0 - wx;
      let best = 0;
      let bestV: f32 = -Infinity;
      for (let c = 0; c < C; c++) {
        const p = vrow + vplane * <usize>c;
        const v = load<f32>(p + j0) * wl + load<f32>(p + j1) * wx;
        if (v > bestV) {
          bestV = v;
          best = c;
        }
      }
      store<u8>(labels + row + <usize>x, <u8>best);
      const s = bestV * <f32>255.0 + <f32>0.5;
      store<u8>(conf + row + <usize>x, s <= 0 ? 0 : s >= 255 ? 255 : <u8>(<i32>s));
    }
  }
}
