/**
 * Codec configuration of one track of an MP4/MOV file, read straight from its `stsd` box:
 * the avcC (H.264) or hvcC (H.265) record gives the NAL length size of the samples and the
 * parameter sets (SPS/PPS, VPS/SPS/PPS, plus any SEI in hvcC), returned as Annex B.
 * Only what the packet feed (packet-access.ts) needs; anything unexpected gives null.
 */
import { open } from 'node:fs/promises';

export interface CodecConfig {
  codec: 'h264' | 'hevc';
  /** Bytes of each NAL unit's length prefix in a sample (1, 2 or 4). */
  lengthSize: number;
  /** Parameter-set NAL units from the configuration record, each after a 00 00 00 01 start code. */
  paramSets: Uint8Array;
}

const START = [0, 0, 0, 1];

interface Box {
  type: string;
  /** Payload start and end (after the header). */
  start: number;
  end: number;
}

function boxes(b: Buffer, start: number, end: number): Box[] {
  const out: Box[] = [];
  for (let o = start; o + 8 <= end; ) {
    let size = b.readUInt32BE(o);
    const type = b.toString('latin1', o + 4, o + 8);
    let head = 8;
    if (size === 1) {
      if (o + 16 > end) break;
      size = Number(b.readBigUInt64BE(o + 8));
      head = 16;
    } else if (size === 0) size = end - o;
    if (size < head || o + size > end) break;
    out.push({ type, start: o + head, end: o + size });
    o += size;
  }
  return out;
}

function child(b: Buffer, box: Box | undefined, type: string): Box | undefined {
  return box ? boxes(b, box.start, box.end).find((x) => x.type === type) : undefined;
}

/** Finds the top-level moov box and reads it whole. */
async function readMoov(path: string): Promise<Buffer | null> {
  const fh = await open(path, 'r');
  try {
    const size = (await fh.stat()).size;
    const head = Buffer.alloc(16);
    for (let o = 0; o + 8 <= size; ) {
      const { bytesRead } = await fh.read(head, 0, 16, o);
      if (bytesRead < 8) return null;
      let len = head.readUInt32BE(0);
      const type = head.toString('latin1', 4, 8);
      if (len === 1) len = bytesRead >= 16 ? Number(head.readBigUInt64BE(8)) : 0;
      else if (len === 0) len = size - o;
      if (len < 8) return null;
      if (type === 'moov') {
        if (len > 256 * 1024 * 1024) return null;
        const moov = Buffer.alloc(len);
        const r = await fh.read(moov, 0, len, o);
        return r.bytesRead === len ? moov : null;
      }
      o += len;
    }
    return null;
  } finally {
    await fh.close();
  }
}

function annexB(nals: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(nals.reduce((s, n) => s + 4 + n.length, 0));
  let o = 0;
  for (const n of nals) {
    out.set(START, o);
    out.set(n, o + 4);
    o += 4 + n.length;
  }
  return out;
}

/** avcC: version, profile, compat, level, 6 bits + lengthSizeMinusOne, 3 bits + numSPS, SPS…, numPPS, PPS… */
export function parseAvcC(c: Buffer): CodecConfig | null {
  if (c.length < 7 || c[0] !== 1) return null;
  const nals: Uint8Array[] = [];
  let o = 5;
  for (const count of ['sps', 'pps']) {
    if (o >= c.length) return null;
    const n = count === 'sps' ? c[o]! & 0x1f : c[o]!;
    o++;
    for (let i = 0; i < n; i++) {
      if (o + 2 > c.length) return null;
      const len = c.readUInt16BE(o);
      if (o + 2 + len > c.length) return null;
      nals.push(c.subarray(o + 2, o + 2 + len));
      o += 2 + len;
    }
  }
  return { codec: 'h264', lengthSize: (c[4]! & 3) + 1, paramSets: annexB(nals) };
}

/** hvcC: 22 bytes of header (byte 21: lengthSizeMinusOne in its low 2 bits), numArrays, arrays of NAL units. */
export function parseHvcC(c: Buffer): CodecConfig | null {
  if (c.length < 23) return null;
  const nals: Uint8Array[] = [];
  let o = 23;
  for (let a = 0; a < c[22]!; a++) {
    if (o + 3 > c.length) return null;
    const n = c.readUInt16BE(o + 1);
    o += 3;
    for (let i = 0; i < n; i++) {
      if (o + 2 > c.length) return null;
      const len = c.readUInt16BE(o);
      if (o + 2 + len > c.length) return null;
      nals.push(c.subarray(o + 2, o + 2 + len));
      o += 2 + len;
    }
  }
  return { codec: 'hevc', lengthSize: (c[21]! & 3) + 1, paramSets: annexB(nals) };
}

/** Configuration of the `trackNumber`-th trak (0-based, = ffprobe's stream index in MP4/MOV), or null. */
export async function readCodecConfig(path: string, trackNumber: number): Promise<CodecConfig | null> {
  const moov = await readMoov(path);
  if (!moov) return null;
  const top = boxes(moov, 8, moov.length);
  const trak = top.filter((x) => x.type === 'trak')[trackNumber];
  const stbl = child(moov, child(moov, child(moov, trak, 'mdia'), 'minf'), 'stbl');
  const stsd = child(moov, stbl, 'stsd');
  if (!stsd || stsd.end - stsd.start < 8 || moov.readUInt32BE(stsd.start + 4) !== 1) return null;
  const entry = boxes(moov, stsd.start + 8, stsd.end)[0];
  if (!entry) return null;
  // VisualSampleEntry: 78 bytes before its child boxes.
  const inner = boxes(moov, entry.start + 78, entry.end);
  const find = (t: string) => inner.find((x) => x.type === t);
  if (/^avc[13]$/.test(entry.type)) {
    const c = find('avcC');
    return c ? parseAvcC(moov.subarray(c.start, c.end)) : null;
  }
  if (/^(hvc1|hev1)$/.test(entry.type)) {
    const c = find('hvcC');
    return c ? parseHvcC(moov.subarray(c.start, c.end)) : null;
  }
  return null;
}
