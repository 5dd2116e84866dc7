/**
 * The review host's message codec (WebSocket messages and POST /api/call bodies). A message without typed arrays is a JSON text frame;
 * a message with typed arrays (diffs) is one binary frame, so pixels travel as raw bytes rather
 * than base64 or JSON numbers:
 *
 *   "VSB1" | u32 JSON byte length | JSON (UTF-8) | per attachment: u32 byte length, bytes, padding to 4
 *
 * In the JSON each typed array is replaced by {"$bin": i, "t": "u8" | "u32" | "f32"}, i its attachment
 * index (integers little-endian, as on every platform the app runs on). Electron's IPC needs none
 * of this: its structured clone keeps typed arrays as they are.
 */
import { ValidationError } from '../../core/errors.ts';

const MAGIC = [0x56, 0x53, 0x42, 0x31]; // "VSB1"
type Tag = 'u8' | 'u32' | 'f32';
type Typed = Uint8Array | Uint32Array | Float32Array;
const KINDS: Record<Tag, { new (b: ArrayBuffer): Typed; BYTES_PER_ELEMENT: number }> = { u8: Uint8Array, u32: Uint32Array, f32: Float32Array };

function tagOf(v: unknown): Tag | null {
  if (v instanceof Uint8Array) return 'u8';
  if (v instanceof Uint32Array) return 'u32';
  if (v instanceof Float32Array) return 'f32';
  return null;
}

const pad4 = (n: number): number => (n + 3) & ~3;

/** A message as a text frame (no typed arrays) or a binary frame (see the header). */
export function encodeMessage(msg: unknown): string | Uint8Array<ArrayBuffer> {
  const parts: Uint8Array[] = [];
  const json = JSON.stringify(msg, (_key, value: unknown) => {
    const t = tagOf(value);
    if (!t) return value;
    const a = value as Typed;
    parts.push(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
    return { $bin: parts.length - 1, t };
  });
  if (parts.length === 0) return json;
  const head = new TextEncoder().encode(json);
  const size = 8 + pad4(head.length) + parts.reduce((n, p) => n + 4 + pad4(p.length), 0);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  out.set(MAGIC, 0);
  view.setUint32(4, head.length, true);
  out.set(head, 8);
  let at = 8 + pad4(head.length);
  for (const p of parts) {
    view.setUint32(at, p.length, true);
    out.set(p, at + 4);
    at += 4 + pad4(p.length);
  }
  return out;
}

function isAttachmentRef(v: unknown): v is { $bin: number; t: Tag } {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return Object.keys(o).length === 2 && typeof o.$bin === 'number' && typeof o.t === 'string' && o.t in KINDS;
}

/** Parses a text or binary frame; a malformed one throws a ValidationError (BAD_REQUEST). */
export function decodeMessage(data: string | Uint8Array): unknown {
  if (typeof data === 'string') return parseJson(data);
  const bad = (why: string): never => {
    throw new ValidationError(`malformed binary message: ${why}`);
  };
  if (data.length < 8 || MAGIC.some((b, i) => data[i] !== b)) bad('bad header');
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const jsonLength = view.getUint32(4, true);
  if (8 + jsonLength > data.length) bad('JSON past the end');
  const parts: Uint8Array[] = [];
  for (let at = 8 + pad4(jsonLength); at < data.length; ) {
    if (at + 4 > data.length) bad('attachment header past the end');
    const n = view.getUint32(at, true);
    if (at + 4 + n > data.length) bad('attachment past the end');
    parts.push(data.subarray(at + 4, at + 4 + n));
    at += 4 + pad4(n);
  }
  return parseJson(new TextDecoder().decode(data.subarray(8, 8 + jsonLength)), (v) => {
    if (!isAttachmentRef(v)) return v;
    const p = parts[v.$bin] ?? bad(`no attachment ${v.$bin}`);
    const kind = KINDS[v.t];
    if (p.length % kind.BYTES_PER_ELEMENT !== 0) bad(`attachment ${v.$bin} is not whole ${v.t} values`);
    // A copy into a fresh buffer (also when `data` is a Node Buffer, whose slice() shares memory).
    const bytes = new Uint8Array(p.length);
    bytes.set(p);
    return new kind(bytes.buffer);
  });
}

function parseJson(text: string, revive?: (v: unknown) => unknown): unknown {
  try {
    return revive ? JSON.parse(text, (_k, v: unknown) => revive(v)) : JSON.parse(text);
  } catch (e) {
    if (e instanceof ValidationError) throw e;
    throw new ValidationError('message is not valid JSON');
  }
}
