/**
 * RGBA frame -> BT.601 grey plane area-averaged down to dstW x dstH in one pass over the frame:
 * toGray fused into resizeArea's horizontal pass (no full-size grey plane). Bit-identical to
 * resizeArea(toGray(rgba).data, ...) on its general path: the grey value is rounded to float32 as
 * toGray stores it, and the taps and summation order are resizeArea's.
 */
import { grayAreaDownWasm, type GrayAreaWasm } from './gray-area-wasm.ts';
import { areaTaps, type Taps } from './resize-area.ts';

export interface GrayAreaScratch {
  /** The WebAssembly path's instance and buffers (null: unavailable). */
  wasm?: GrayAreaWasm | null;
  /** dstW * srcH floats (the horizontal pass). */
  rows?: Float32Array;
  taps?: { key: string; x: Taps; y: Taps };
}

/**
 * In WebAssembly (gray-area-wasm.ts, bit-identical) unless `backend` is 'js' or it is unavailable;
 * keep `scratch` between frames of one size so that the taps and buffers are reused.
 */
export function grayAreaDown(
  rgba: Uint8Array | Uint8ClampedArray, srcW: number, srcH: number, dstW: number, dstH: number, scratch: GrayAreaScratch = {}, backend: 'wasm' | 'js' = 'wasm',
): Float32Array {
  if (rgba.length < srcW * srcH * 4) throw new RangeError(`grayAreaDown: need ${srcW * srcH * 4} bytes, got ${rgba.length}`);
  return (backend === 'wasm' ? grayAreaDownWasm(rgba, srcW, srcH, dstW, dstH, scratch) : undefined) ?? grayAreaDownJs(rgba, srcW, srcH, dstW, dstH, scratch);
}

function grayAreaDownJs(rgba: Uint8Array | Uint8ClampedArray, srcW: number, srcH: number, dstW: number, dstH: number, scratch: GrayAreaScratch): Float32Array {
  const key = `${srcW}x${srcH}>${dstW}x${dstH}`;
  if (scratch.taps?.key !== key) scratch.taps = { key, x: areaTaps(srcW, dstW), y: areaTaps(srcH, dstH) };
  if ((scratch.rows?.length ?? 0) < dstW * srcH) scratch.rows = new Float32Array(dstW * srcH);
  const tmp = scratch.rows!;
  const { x: tx, y: ty } = scratch.taps;
  const fround = Math.fround;
  for (let y = 0; y < srcH; y++) {
    const row = y * srcW;
    const orow = y * dstW;
    for (let x = 0; x < dstW; x++) {
      let acc = 0;
      for (let k = tx.start[x]!, e = tx.start[x + 1]!; k < e; k++) {
        const p = (row + tx.index[k]!) * 4;
        acc += tx.weight[k]! * fround(0.299 * rgba[p]! + 0.587 * rgba[p + 1]! + 0.114 * rgba[p + 2]!);
      }
      tmp[orow + x] = acc;
    }
  }
  const out = new Float32Array(dstW * dstH);
  for (let y = 0; y < dstH; y++) {
    const orow = y * dstW;
    for (let k = ty.start[y]!, e = ty.start[y + 1]!; k < e; k++) {
      const w = ty.weight[k]!;
      const srow = ty.index[k]! * dstW;
      for (let x = 0; x < dstW; x++) out[orow + x] += w * tmp[srow + x]!;
    }
  }
  return out;
}
