/**
 * Per-frame index of a video: timestamps in presentation order, keyframes, decode order, and
 * where to seek for each keyframe. Built from the ffprobe packet listing and, when available,
 * the verification decode pass (which is authoritative for which frames exist).
 */
import type { Packet } from './packets.ts';
import type { ScannedFrame } from './scan-frames.ts';

export interface FrameIndex {
  /** Stream time base [num, den]. */
  timeBase: [number, number];
  /** Timestamp of each frame in stream time base, presentation order (as the decoder outputs them). */
  pts: number[];
  /** Keyframe indices (presentation order), ascending. */
  keyframes: number[];
  /** Position of each frame's packet in decode order, -1 when unknown. */
  decodePos: number[];
  /** Seek time in seconds (stream clock) for each keyframe, parallel to `keyframes`. */
  seekSec: number[];
}

export interface IndexOptions {
  timeBase: [number, number];
  formatName: string;
  /** Decoder reorder delay (has_b_frames). */
  videoDelay: number;
}

/**
 * ffmpeg's CLI moves an input -ss this much earlier when the stream has a reorder delay and the
 * container does not seek by pts (fftools/ffmpeg_opt.c: "seek_timestamp -= 3*AV_TIME_BASE / 23").
 */
export const FFMPEG_DTS_HEURISTIC_SEC = 3 / 23;

function medianDelta(pts: number[]): number {
  const d: number[] = [];
  for (let i = 1; i < pts.length; i++) d.push(pts[i]! - pts[i - 1]!);
  d.sort((a, b) => a - b);
  return d.length ? d[d.length >> 1]! : 1;
}

/** Frames as the packets announce them (no decoding): pts order, or dts when pts is missing. */
export function framesFromPackets(packets: Packet[]): ScannedFrame[] {
  return packets
    .filter((p) => !p.discard && (p.pts ?? p.dts) !== null)
    .map((p) => ({ pts: (p.pts ?? p.dts)!, key: p.key }))
    .sort((a, b) => a.pts - b.pts);
}

export function buildIndex(frames: ScannedFrame[], packets: Packet[], opts: IndexOptions): FrameIndex {
  const [num, den] = opts.timeBase;
  const tb = num / den;
  const byPts = new Map<number, { packet: Packet; pos: number }>();
  let maxDelay = 0;
  packets.forEach((p, pos) => {
    if (p.pts === null || p.discard) return;
    byPts.set(p.pts, { packet: p, pos });
    if (p.dts !== null) maxDelay = Math.max(maxDelay, p.pts - p.dts);
  });
  const pts = frames.map((f) => f.pts);
  const frameDur = medianDelta(pts);
  const decodePos: number[] = [];
  const keyframes: number[] = [];
  const seekSec: number[] = [];
  const isTs = /mpegts|mpeg$|mpegps|^h26[45]$|hevc|m4v|rawvideo/.test(opts.formatName);
  // Matroska seeks by pts (cues hold keyframe pts) and ffmpeg applies no dts heuristic to it.
  const byPtsCues = /matroska|webm/.test(opts.formatName);
  const heuristic = opts.videoDelay > 0 && !byPtsCues ? FFMPEG_DTS_HEURISTIC_SEC : 0;
  frames.forEach((f, i) => {
    const m = byPts.get(f.pts);
    decodePos.push(m ? m.pos : -1);
    const key = i === 0 || (f.key && (m ? m.packet.key : true));
    if (key) keyframes.push(i);
  });
  // Seek to just after the keyframe's pts: demuxer indexes hold pts (Matroska cues) or a dts
  // no later than the pts (MP4, AVI), so the backward keyframe search lands on this keyframe,
  // and it stays short of the next keyframe's earliest possible index time.
  keyframes.forEach((k, j) => {
    let ts = pts[k]! + frameDur / 2;
    const nextKey = keyframes[j + 1];
    if (nextKey !== undefined) ts = Math.min(ts, pts[nextKey]! - maxDelay - frameDur);
    let sec = ts * tb + heuristic;
    if (isTs) sec -= 1; // generic (binary-search) seeking is inexact: land well before
    seekSec.push(sec);
  });
  return { timeBase: [num, den], pts, keyframes, decodePos, seekSec };
}

/** Largest k in sorted `arr` with arr[k] <= v, or -1. */
function floorPos(arr: number[], v: number): number {
  let lo = 0;
  let hi = arr.length - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (arr[mid]! <= v) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}

/**
 * The keyframe to start decoding from to get frame `target` right: the last keyframe whose
 * presentation time is ≤ the target's and which also precedes the target in decode order.
 * (Open GOP: a leading picture of a CRA has an earlier pts than the CRA, so the earlier
 * keyframe is chosen and decoding runs through the CRA with all references intact.)
 * Returns the position in `index.keyframes`.
 */
export function startKeyframe(index: FrameIndex, target: number): number {
  let k = Math.max(0, floorPos(index.keyframes, target));
  const tPos = index.decodePos[target] ?? -1;
  while (k > 0) {
    const kPos = index.decodePos[index.keyframes[k]!] ?? -1;
    if (tPos < 0 || kPos < 0 || kPos <= tPos) break;
    k--;
  }
  return k;
}
