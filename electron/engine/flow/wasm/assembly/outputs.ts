// @ts-nocheck
/**
 * What the engine does with each frame's label and confidence maps after they are made, in
 * WebAssembly SIMD (used through ../../../segment/output-kernels.ts): the per-class pixel counts of
 * the summary and the PNG "up" row filter of the two PNGs. Both exact (integer work): the twins of
 * countClassesJs and filterRows (../../../segment/png-encode.ts).
 */

/**
 * counts[k] (u32) = pixels of value k in src[0..n), for k < C. Stripes of 255 vectors stay in L1;
 * per class a stripe is one compare and one subtract per 16 pixels into byte counters (255 at most,
 * so they cannot wrap), summed into counts at the stripe's end. The tail is counted one by one.
 */
export function countClasses(src: usize, n: i32, C: i32, counts: usize): void {
  memory.fill(counts, 0, (<usize>C) << 2);
  const vecs = n >> 4;
  for (let v0 = 0; v0 < vecs; v0 += 255) {
    const v1 = min(vecs, v0 + 255);
    const end = src + ((<usize>v1) << 4);
    for (let k = 0; k < C; k++) {
      const key = i8x16.splat(<i8>k);
      let acc = i8x16.splat(0);
      for (let p = src + ((<usize>v0) << 4); p < end; p += 16) acc = i8x16.sub(acc, i8x16.eq(v128.load(p), key));
      const s = i32x4.extadd_pairwise_i16x8_u(i16x8.extadd_pairwise_i8x16_u(acc));
      const at = counts + ((<usize>k) << 2);
      store<u32>(at, load<u32>(at) + <u32>(i32x4.extract_lane(s, 0) + i32x4.extract_lane(s, 1) + i32x4.extract_lane(s, 2) + i32x4.extract_lane(s, 3)));
    }
  }
  for (let i = vecs << 4; i < n; i++) {
    const k = <i32>load<u8>(src + <usize>i);
    if (k < C) {
      const at = counts + ((<usize>k) << 2);
      store<u32>(at, load<u32>(at) + 1);
    }
  }
}

/**
 * PNG scanlines of a width x height grey image with the "up" filter (row 0 unfiltered, as PNG
 * requires nothing above it): dst row y = [2, src[y] - src[y - 1] (bytes, mod 256)], rows of
 * width + 1 bytes. 16 pixels per step; loads and stores need no alignment.
 */
export function pngFilterUp(src: usize, width: i32, height: i32, dst: usize): void {
  const w = <usize>width;
  const stride = w + 1;
  const body = w & ~15;
  for (let y = 0; y < height; y++) {
    const s = src + w * <usize>y;
    const o = dst + stride * <usize>y;
    if (y == 0) {
      store<u8>(o, 0);
      memory.copy(o + 1, s, w);
      continue;
    }
    store<u8>(o, 2);
    for (let x: usize = 0; x < body; x += 16) v128.store(o + 1 + x, i8x16.sub(v128.load(s + x), v128.load(s - w + x)));
    for (let x = body; x < w; x++) store<u8>(o + 1 + x, load<u8>(s + x) - load<u8>(s - w + x));
  }
}
