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
