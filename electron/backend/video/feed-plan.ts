/**
 * What to feed a decoder so that it outputs one frame exactly as a sequential decode would:
 * the packets from the start keyframe up to and including the target's packet, in decode
 * order, as Annex B after the parameter sets, without the pictures nothing references
 * (H.264 nal_ref_idc 0, H.265 sub-layer non-reference pictures of the highest temporal layer
 * in the range) except the target, and without the RASL pictures of a starting CRA/BLA (the
 * decoder skips those itself). The decoder outputs the fed pictures in presentation order,
 * so the target is output number `rank`. Returns null whenever the case is not plain enough.
 */
import type { FileHandle } from 'node:fs/promises';
import { startKeyframe, type FrameIndex } from './frame-index.ts';
import type { CodecConfig } from './mp4-config.ts';
import { pictureNals, splitNals, type PictureNals } from './nal-units.ts';
import type { Packet } from './packets.ts';

export interface Feed {
  /** Annex B stream: parameter sets, then the kept pictures. */
  chunks: Uint8Array[];
  /** Pictures fed: the decoder must output exactly this many frames. */
  pictures: number;
  /** Output number (0-based) of the target among them. */
  rank: number;
  /** Packets from the keyframe to the target in decode order (what a seek-and-decode decodes). */
  span: number;
  /** Frame index of the start keyframe. */
  startKeyframe: number;
  /** The fed pictures in decode order (the target last), each as Annex B without the parameter sets. */
  fed: FedPicture[];
  /** The first fed picture is an H.264 IDR or an H.265 IRAP. */
  startIrap: boolean;
  /** Decode position of the target's packet. */
  targetPos: number;
}

export interface FedPicture {
  data: Uint8Array;
  /** Presentation timestamp (stream time base). */
  pts: number;
  key: boolean;
}

/** Ranges closer than this are read with one positional read. */
const COALESCE_GAP = 64 * 1024;

/** Reads each packet's bytes, coalescing packets that lie close together in the file. */
async function readPackets(fh: FileHandle, list: Packet[]): Promise<Uint8Array[] | null> {
  const out: Uint8Array[] = new Array<Uint8Array>(list.length);
  for (let i = 0; i < list.length; ) {
    const start = list[i]!.pos!;
    let end = start + list[i]!.size;
    let j = i + 1;
    while (j < list.length && list[j]!.pos! >= start && list[j]!.pos! - end <= COALESCE_GAP) {
      end = Math.max(end, list[j]!.pos! + list[j]!.size);
      j++;
    }
    const buf = Buffer.allocUnsafe(end - start);
    const { bytesRead } = await fh.read(buf, 0, buf.length, start);
    if (bytesRead !== buf.length) return null;
    for (let k = i; k < j; k++) out[k] = buf.subarray(list[k]!.pos! - start, list[k]!.pos! - start + list[k]!.size);
    i = j;
  }
  return out;
}

function annexB(p: PictureNals): Uint8Array {
  const out = new Uint8Array(p.nals.reduce((s, n) => s + 4 + n.length, 0));
  let o = 0;
  for (const n of p.nals) {
    out[o + 3] = 1;
    out.set(n, o + 4);
    o += 4 + n.length;
  }
  return out;
}

export async function buildFeed(fh: FileHandle, packets: Packet[], index: FrameIndex, cfg: CodecConfig, target: number): Promise<Feed | null> {
  const key = index.keyframes[startKeyframe(index, target)]!;
  const kPos = index.decodePos[key] ?? -1;
  const tPos = index.decodePos[target] ?? -1;
  if (kPos < 0 || tPos < kPos) return null;
  const list = packets.slice(kPos, tPos + 1);
  if (list.some((p) => p.pos === null || p.pts === null || p.size <= 0 || p.discard || p.corrupt)) return null;
  const bytes = await readPackets(fh, list);
  if (!bytes) return null;
  const pics: PictureNals[] = [];
  for (const b of bytes) {
    const nals = splitNals(b, cfg.lengthSize);
    if (!nals) return null;
    const p = pictureNals(cfg.codec, nals);
    if (!p.vcl) return null;
    pics.push(p);
  }
  if (cfg.codec === 'hevc' && !pics[0]!.irap) return null;
  const maxTid = Math.max(...pics.map((p) => p.tid));
  const last = pics.length - 1;
  let leadingOfStart = cfg.codec === 'hevc' && pics[0]!.craOrBla;
  const chunks: Uint8Array[] = [cfg.paramSets];
  const fed: FedPicture[] = [];
  const fedPts: number[] = [];
  for (let i = 0; i < pics.length; i++) {
    const p = pics[i]!;
    if (i > 0 && p.irap) leadingOfStart = false;
    const skippedByDecoder = leadingOfStart && p.rasl;
    if (i === last && skippedByDecoder) return null;
    if (i < last && (skippedByDecoder || (!p.reference && p.tid >= maxTid))) continue;
    const data = annexB(p);
    chunks.push(data);
    fed.push({ data, pts: list[i]!.pts!, key: list[i]!.key });
    fedPts.push(list[i]!.pts!);
  }
  const tPts = list[last]!.pts!;
  if (new Set(fedPts).size !== fedPts.length) return null;
  const rank = fedPts.filter((x) => x < tPts).length;
  return { chunks, pictures: fedPts.length, rank, span: list.length, startKeyframe: key, fed, startIrap: pics[0]!.irap, targetPos: tPos };
}

/**
 * H.264 pictures to feed after the target so that a decoder that holds back `delay` pictures
 * (reorder delay + frame-thread delay) outputs the target without an end of stream: the next
 * packets in decode order, leaving out non-reference pictures shown before the target, until
 * `delay` fed pictures are shown after it. (The decoder outputs the lowest-POC picture once it
 * holds more than its delay, so then nothing fed later can come out before the target.) They
 * may run into the next GOP. Null at the end of the stream or on anything unusual.
 */
export async function buildPushers(fh: FileHandle, packets: Packet[], cfg: CodecConfig, feed: Feed, delay: number): Promise<FedPicture[] | null> {
  const tPts = feed.fed[feed.fed.length - 1]!.pts;
  let later = feed.fed.filter((f) => f.pts > tPts).length;
  const out: FedPicture[] = [];
  const window = packets.slice(feed.targetPos + 1, feed.targetPos + 1 + 4 * delay + 8);
  if (later >= delay) return out;
  if (window.some((p) => p.pos === null || p.pts === null || p.size <= 0 || p.discard || p.corrupt)) return null;
  const bytes = await readPackets(fh, window);
  if (!bytes) return null;
  for (let i = 0; i < window.length && later < delay; i++) {
    const nals = splitNals(bytes[i]!, cfg.lengthSize);
    if (!nals) return null;
    const p = pictureNals(cfg.codec, nals);
    if (!p.vcl) return null;
    const pts = window[i]!.pts!;
    if (!p.reference && pts < tPts) continue;
    out.push({ data: annexB(p), pts, key: window[i]!.key });
    if (pts > tPts) later++;
  }
  return later >= delay ? out : null;
}
