/**
 * The smallest Matroska stream a long-lived ffmpeg can read from a pipe, written as requests
 * come: an EBML header, a Segment and a Cluster of unknown size (live streaming), one video
 * track without CodecPrivate (the blocks carry Annex B with the parameter sets in-band), then
 * per request one Cluster whose SimpleBlocks carry the timestamps we choose (1 ms units). The
 * timestamps are how the decoder's output frames are told apart (stream-decoder.ts); raw
 * Annex B input (`-f h264`) has none. Each cluster ends with an empty Void element so that the
 * demuxer, which reads the next element header before returning a block, returns the last
 * block at once instead of waiting for the next request.
 */

/** Size field of 8 bytes (0x01 marker + 7 bytes big-endian): valid for every size we write. */
function size8(n: number): Uint8Array {
  const b = new Uint8Array(8);
  b[0] = 1;
  let v = n;
  for (let i = 7; i >= 1; i--) {
    b[i] = v % 256;
    v = Math.floor(v / 256);
  }
  return b;
}

/** "Unknown size" (all value bits set): the element ends where the next top-level one starts. */
const UNKNOWN = Uint8Array.of(0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff);

function uint(n: number): Uint8Array {
  const out: number[] = [];
  let v = n;
  do {
    out.unshift(v % 256);
    v = Math.floor(v / 256);
  } while (v > 0);
  return Uint8Array.from(out);
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

function el(id: number[], ...payload: Uint8Array[]): Uint8Array {
  const body = concat(payload);
  return concat([Uint8Array.from(id), size8(body.length), body]);
}

const text = (s: string) => new TextEncoder().encode(s);

const CODEC_ID = { h264: 'V_MPEG4/ISO/AVC', hevc: 'V_MPEGH/ISO/HEVC' } as const;

/** EBML header, Segment (unknown size), Info (1 ms timestamps) and the one video track. */
export function mkvHeader(codec: 'h264' | 'hevc', width: number, height: number): Uint8Array {
  const ebml = el(
    [0x1a, 0x45, 0xdf, 0xa3],
    el([0x42, 0x86], uint(1)), // EBMLVersion
    el([0x42, 0xf7], uint(1)), // EBMLReadVersion
    el([0x42, 0xf2], uint(4)), // EBMLMaxIDLength
    el([0x42, 0xf3], uint(8)), // EBMLMaxSizeLength
    el([0x42, 0x82], text('matroska')), // DocType
    el([0x42, 0x87], uint(4)), // DocTypeVersion
    el([0x42, 0x85], uint(2)), // DocTypeReadVersion
  );
  const info = el([0x15, 0x49, 0xa9, 0x66], el([0x2a, 0xd7, 0xb1], uint(1_000_000)), el([0x4d, 0x80], text('vss')), el([0x57, 0x41], text('vss')));
  const video = el([0xe0], el([0xb0], uint(width)), el([0xba], uint(height)));
  const track = el(
    [0xae],
    el([0xd7], uint(1)), // TrackNumber
    el([0x73, 0xc5], uint(1)), // TrackUID
    el([0x83], uint(1)), // TrackType: video
    el([0x86], text(CODEC_ID[codec])),
    el([0x9c], uint(0)), // FlagLacing
    video,
  );
  return concat([ebml, Uint8Array.of(0x18, 0x53, 0x80, 0x67), UNKNOWN, info, el([0x16, 0x54, 0xae, 0x6b], track)]);
}

export interface MkvBlock {
  /** Timestamp relative to the cluster's, in ms: −32768…32767. */
  rel: number;
  key: boolean;
  data: Uint8Array;
}

/** One Cluster (unknown size) at `timecode` ms with its SimpleBlocks, closed by an empty Void. */
export function mkvCluster(timecode: number, blocks: MkvBlock[]): Uint8Array {
  const parts: Uint8Array[] = [Uint8Array.of(0x1f, 0x43, 0xb6, 0x75), UNKNOWN, el([0xe7], uint(timecode))];
  for (const b of blocks) {
    if (!Number.isInteger(b.rel) || b.rel < -32768 || b.rel > 32767) throw new RangeError(`block timestamp ${b.rel} out of range`);
    const head = new Uint8Array(4);
    head[0] = 0x81; // track 1
    new DataView(head.buffer).setInt16(1, b.rel);
    head[3] = b.key ? 0x80 : 0;
    parts.push(el([0xa3], head, b.data));
  }
  parts.push(Uint8Array.of(0xec, 0x80)); // Void, size 0
  return concat(parts);
}
