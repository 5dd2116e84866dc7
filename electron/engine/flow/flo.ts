/**
 * Middlebury .flo files: float32 magic 202021.25 ("PIEH"), int32 width, int32 height, then
 * width*height interleaved float32 (u, v) pairs, row-major, all little-endian.
 */
import type { FlowField } from '../../core/types.ts';

export const FLO_MAGIC = 202021.25;
const HEADER = 12;

export function encodeFlo(flow: FlowField): Uint8Array {
  const { width, height, data } = flow;
  const n = width * height * 2;
  if (data.length < n) throw new RangeError('encodeFlo: data shorter than width*height*2');
  const bytes = new Uint8Array(HEADER + n * 4);
  const view = new DataView(bytes.buffer);
  view.setFloat32(0, FLO_MAGIC, true);
  view.setInt32(4, width, true);
  view.setInt32(8, height, true);
  for (let i = 0; i < n; i++) view.setFloat32(HEADER + 4 * i, data[i]!, true);
  return bytes;
}

/** Parses a .flo buffer; throws a one-line Error when it is not a valid .flo file. */
export function decodeFlo(bytes: Uint8Array): FlowField {
  if (bytes.length < HEADER) throw new Error('not a .flo file (too short)');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getFloat32(0, true) !== FLO_MAGIC) throw new Error('not a .flo file (bad magic)');
  const width = view.getInt32(4, true);
  const height = view.getInt32(8, true);
  if (width <= 0 || height <= 0 || width > 1 << 16 || height > 1 << 16) throw new Error(`bad .flo size ${width}x${height}`);
  const n = width * height * 2;
  if (bytes.length < HEADER + n * 4) throw new Error(`truncated .flo file (${width}x${height} needs ${HEADER + n * 4} bytes, got ${bytes.length})`);
  const data = new Float32Array(n);
  for (let i = 0; i < n; i++) data[i] = view.getFloat32(HEADER + 4 * i, true);
  return { width, height, data };
}
