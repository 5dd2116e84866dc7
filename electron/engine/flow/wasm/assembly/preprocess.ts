// @ts-nocheck
/**
 * WebAssembly twin of ../../../model/preprocess.ts (used through model/preprocess-wasm.ts): an RGBA
 * frame bilinearly resized (tables from the caller) and normalised, one output pixel per step with
 * its 4 RGBA bytes in the 4 lanes: the horizontal blend of each source row, then the vertical one,
 * then v * mul + add per lane, as the reference orders them (in f32 where it uses f64).
 * Output element of tensor channel k at pixel p: dst + 4 * (base_k + p * step); lane_k names the
 * RGBA byte that channel k reads.
 */

@inline function px(src: usize): v128 {
  return f32x4.convert_i32x4_u(i32x4.extend_low_i16x8_u(i16x8.extend_low_i8x16_u(v128.load32_zero(src))));
}

export function preprocessRgba(
  src: usize, fw: i32, xa: usize, xb: usize, xw: usize, W: i32, ya: usize, yb: usize, yw: usize, H: i32,
  mul: usize, add: usize, dst: usize, base0: i32, base1: i32, base2: i32, lane0: i32, lane1: i32, lane2: i32, step: i32,
): void {
  const m = v128.load(mul), a = v128.load(add);
  const stepB = (<usize>step) << 2;
  const rowB = (<usize>fw) << 2;
  for (let y = 0; y < H; y++) {
    const yo = (<usize>y) << 2;
    const r0 = src + <usize>load<i32>(ya + yo) * rowB;
    const r1 = src + <usize>load<i32>(yb + yo) * rowB;
    const wy = f32x4.splat(load<f32>(yw + yo));
    const p0 = <usize>(y * W) * stepB;
    let o0 = dst + ((<usize>base0) << 2) + p0;
    let o1 = dst + ((<usize>base1) << 2) + p0;
    let o2 = dst + ((<usize>base2) << 2) + p0;
    for (let x = 0; x < W; x++) {
      const xo = (<usize>x) << 2;
      const ia = <usize>load<i32>(xa + xo), ib = <usize>load<i32>(xb + xo);
      const wx = f32x4.splat(load<f32>(xw + xo));
      const ta = px(r0 + ia), tb = px(r0 + ib), ba = px(r1 + ia), bb = px(r1 + ib);
      const top = f32x4.add(ta, f32x4.mul(f32x4.sub(tb, ta), wx));
      const bot = f32x4.add(ba, f32x4.mul(f32x4.sub(bb, ba), wx));
      const v = f32x4.add(f32x4.mul(f32x4.add(top, f32x4.mul(f32x4.sub(bot, top), wy)), m), a);
      store<f32>(o0, pick(v, lane0));
      store<f32>(o1, pick(v, lane1));
      store<f32>(o2, pick(v, lane2));
      o0 += stepB;
      o1 += stepB;
      o2 += stepB;
    }
  }
}

@inline function pick(v: v128, lane: i32): f32 {
  return lane == 0 ? f32x4.extract_lane(v, 0) : lane == 1 ? f32x4.extract_lane(v, 1) : lane == 2 ? f32x4.extract_lane(v, 2) : f32x4.extract_lane(v, 3);
}

/**
 * preprocessRgba for planar (NCHW) tensors, separably: each source row a tensor row reads is
 * resized horizontally once (4 output pixels per step, transposed to R, G and B rows of Wp floats,
 * Wp = W rounded up to 4, in one of two cached slots at `rows`: 6 * Wp floats), then each tensor
 * row is one vertical blend + normalisation of 4 pixels per step and channel. The same f32
 * operations in the same order as preprocessRgba, so the same values. The tables xa, xb and xw
 * hold Wp entries (the padding repeats the last column). Channel k is the plane at
 * dst + 4 * k * W * H, read from RGBA byte lane_k.
 */
export function preprocessPlanar(
  src: usize, fw: i32, xa: usize, xb: usize, xw: usize, W: i32, ya: usize, yb: usize, yw: usize, H: i32,
  mul: usize, add: usize, dst: usize, lane0: i32, lane1: i32, lane2: i32, rows: usize,
): void {
  const Wp = (W + 3) & ~3;
  const rowB = (<usize>fw) << 2;
  const planeB = (<usize>Wp) << 2;
  let held0 = -1, held1 = -1;
  for (let y = 0; y < H; y++) {
    const yo = (<usize>y) << 2;
    const a = load<i32>(ya + yo), b = load<i32>(yb + yo);
    let sa = a == held0 ? 0 : a == held1 ? 1 : -1;
    if (sa < 0) {
      sa = b == held0 ? 1 : 0;
      resizeRow(src + <usize>a * rowB, xa, xb, xw, Wp, rows + <usize>(3 * sa) * planeB, planeB);
      if (sa == 0) held0 = a;
      else held1 = a;
    }
    let sb = b == held0 ? 0 : b == held1 ? 1 : -1;
    if (sb < 0) {
      sb = 1 - sa;
      resizeRow(src + <usize>b * rowB, xa, xb, xw, Wp, rows + <usize>(3 * sb) * planeB, planeB);
      if (sb == 0) held0 = b;
      else held1 = b;
    }
    const wy = f32x4.splat(load<f32>(yw + yo));
    const out = dst + ((<usize>(y * W)) << 2);
    const plane = (<usize>(W * H)) << 2;
    blendRow(rows + <usize>(3 * sa + lane0) * planeB, rows + <usize>(3 * sb + lane0) * planeB, wy, mul, add, lane0, out, W);
    blendRow(rows + <usize>(3 * sa + lane1) * planeB, rows + <usize>(3 * sb + lane1) * planeB, wy, mul, add, lane1, out + plane, W);
    blendRow(rows + <usize>(3 * sa + lane2) * planeB, rows + <usize>(3 * sb + lane2) * planeB, wy, mul, add, lane2, out + 2 * plane, W);
  }
}

/** One source row resized to Wp pixels, as R, G and B rows (planeB bytes apart) at `out`. */
@inline function resizeRow(r: usize, xa: usize, xb: usize, xw: usize, Wp: i32, out: usize, planeB: usize): void {
  for (let x = 0; x < Wp; x += 4) {
    const xo = (<usize>x) << 2;
    const h0 = hblend(r, xa, xb, xw, xo), h1 = hblend(r, xa, xb, xw, xo + 4);
    const h2 = hblend(r, xa, xb, xw, xo + 8), h3 = hblend(r, xa, xb, xw, xo + 12);
    const t0 = v128.shuffle<f32>(h0, h1, 0, 4, 1, 5), t1 = v128.shuffle<f32>(h2, h3, 0, 4, 1, 5);
    const t2 = v128.shuffle<f32>(h0, h1, 2, 6, 3, 7), t3 = v128.shuffle<f32>(h2, h3, 2, 6, 3, 7);
    v128.store(out + xo, v128.shuffle<f32>(t0, t1, 0, 1, 4, 5));
    v128.store(out + planeB + xo, v128.shuffle<f32>(t0, t1, 2, 3, 6, 7));
    v128.store(out + 2 * planeB + xo, v128.shuffle<f32>(t2, t3, 0, 1, 4, 5));
  }
}

/** The horizontal blend of one output column (byte offset xo into the tables) as RGBA lanes. */
@inline function hblend(r: usize, xa: usize, xb: usize, xw: usize, xo: usize): v128 {
  const ta = px(r + <usize>load<i32>(xa + xo)), tb = px(r + <usize>load<i32>(xb + xo));
  return f32x4.add(ta, f32x4.mul(f32x4.sub(tb, ta), f32x4.splat(load<f32>(xw + xo))));
}

/** out[x] = (top + (bot - top) * wy) * mul[lane] + add[lane], x < W, 4 per step. */
@inline function blendRow(top: usize, bot: usize, wy: v128, mul: usize, add: usize, lane: i32, out: usize, W: i32): void {
  const lo = (<usize>lane) << 2;
  const m = f32x4.splat(load<f32>(mul + lo)), a = f32x4.splat(load<f32>(add + lo));
  const body = W & ~3;
  for (let x = 0; x < body; x += 4) {
    const o = (<usize>x) << 2;
    const t = v128.load(top + o);
    v128.store(out + o, f32x4.add(f32x4.mul(f32x4.add(t, f32x4.mul(f32x4.sub(v128.load(bot + o), t), wy)), m), a));
  }
  for (let x = body; x < W; x++) {
    const o = (<usize>x) << 2;
    const t = load<f32>(top + o);
    store<f32>(out + o, (t + (load<f32>(bot + o) - t) * f32x4.extract_lane(wy, 0)) * load<f32>(mul + lo) + load<f32>(add + lo));
  }
}
