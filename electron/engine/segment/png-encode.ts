/**
 * 8-bit grey PNG encoder over node's zlib (no pngjs on the write path): one IDAT chunk, a fixed row
 * filter, and deflate at a fast level (label and confidence maps are flat regions: level 1 to 3
 * costs a fraction of level 9 for files within a few percent of its size). The async form deflates
 * on libuv's thread pool, off the JavaScript thread.
 */
import { crc32, deflate, deflateSync } from 'node:zlib';
import { promisify } from 'node:util';
import { filterUpWasm } from './output-kernels.ts';

const deflateAsync = promisify(deflate);
const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export interface PngOptions {
  /** zlib level 0..9. Default 2. */
  level?: number;
  /** Row filter: 0 none, 2 up (default). */
  filter?: 0 | 2;
  /** zlib strategy; default 3 (Z_RLE: runs only, fast and compact on label maps). */
  strategy?: number;
}

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/**
 * Scanlines with their filter byte (the bytes deflate compresses); the up filter in WebAssembly
 * SIMD (output-kernels.ts, the same bytes) unless `backend` is 'js' or it is unavailable.
 */
export function filterRows(width: number, height: number, data: Uint8Array, filter: 0 | 2 = 2, backend: 'wasm' | 'js' = 'wasm'): Buffer {
  if (data.length < width * height) throw new RangeError(`png: need ${width * height} bytes, got ${data.length}`);
  const fast = filter === 2 && backend === 'wasm' ? filterUpWasm(width, height, data) : undefined;
  if (fast) return fast;
  const stride = width + 1;
  const raw = Buffer.allocUnsafe(stride * height);
  for (let y = 0; y < height; y++) {
    const o = y * stride;
    const s = y * width;
    raw[o] = y === 0 ? 0 : filter;
    if (y === 0 || filter === 0) {
      raw.set(data.subarray(s, s + width), o + 1);
    } else {
      for (let x = 0; x < width; x++) raw[o + 1 + x] = (data[s + x]! - data[s - width + x]!) & 255;
    }
  }
  return raw;
}

function assemble(width: number, height: number, idat: Buffer): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // grey
  return Buffer.concat([SIGNATURE, chunk('IHDR', ihdr), chunk('IDAT', idat), chunk('IEND', Buffer.alloc(0))]);
}

export function encodeGray8Sync(width: number, height: number, data: Uint8Array, o: PngOptions = {}): Buffer {
  return assemble(width, height, deflateSync(filterRows(width, height, data, o.filter ?? 2), { level: o.level ?? 2, strategy: o.strategy ?? 3 }));
}

export async function encodeGray8Async(width: number, height: number, data: Uint8Array, o: PngOptions = {}): Promise<Buffer> {
  return assemble(width, height, await deflateAsync(filterRows(width, height, data, o.filter ?? 2), { level: o.level ?? 2, strategy: o.strategy ?? 3 }));
}
