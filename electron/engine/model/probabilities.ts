/** Model output tensor -> class probabilities as a CHW Tensor3 (transposes NHWC, softmaxes logits). */
import type { Tensor3 } from '../../core/types.ts';
import type { Layout } from './manifest.ts';
import { softmaxWasm } from './probability-kernels.ts';

/**
 * In-place softmax over channels of a CHW tensor: in WebAssembly SIMD (f32, within f32 rounding of
 * the reference) unless `backend` is 'js' or it is unavailable.
 */
export function softmaxChannels(t: Tensor3, backend: 'wasm' | 'js' = 'wasm'): Tensor3 {
  if (backend === 'wasm' && softmaxWasm(t)) return t;
  return softmaxChannelsJs(t);
}

/** The TypeScript reference softmax (f64 arithmetic). */
function softmaxChannelsJs(t: Tensor3): Tensor3 {
  const plane = t.width * t.height;
  const C = t.channels;
  const d = t.data;
  for (let p = 0; p < plane; p++) {
    let max = -Infinity;
    for (let c = 0; c < C; c++) max = Math.max(max, d[c * plane + p]!);
    let sum = 0;
    for (let c = 0; c < C; c++) {
      const e = Math.exp(d[c * plane + p]! - max);
      d[c * plane + p] = e;
      sum += e;
    }
    const inv = 1 / sum;
    for (let c = 0; c < C; c++) d[c * plane + p]! *= inv;
  }
  return t;
}

/**
 * A [1,C,H,W] or [1,H,W,C] output as a CHW tensor. NCHW data is used in place, not copied:
 * onnxruntime-node hands every run's outputs over in fresh JavaScript-owned buffers.
 */
export function toChw(data: Float32Array, dims: readonly number[], layout: Layout): Tensor3 {
  if (dims.length !== 4) throw new Error(`expected a 4-D output, got [${dims.join(',')}]`);
  if (layout === 'NCHW') {
    const [, channels, height, width] = dims as [number, number, number, number];
    return { channels, height, width, data: data.subarray(0, channels * height * width) };
  }
  const [, height, width, channels] = dims as [number, number, number, number];
  const plane = width * height;
  const out = new Float32Array(channels * plane);
  for (let p = 0; p < plane; p++) for (let c = 0; c < channels; c++) out[c * plane + p] = data[p * channels + c]!;
  return { channels, height, width, data: out };
}

export function toProbabilities(data: Float32Array, dims: readonly number[], layout: Layout, kind: 'logits' | 'probabilities'): Tensor3 {
  const t = toChw(data, dims, layout);
  return kind === 'logits' ? softmaxChannels(t) : t;
}
