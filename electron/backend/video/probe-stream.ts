/** ffprobe of a video file: container and the first real video stream (no packets, no decoding). */
import { open } from 'node:fs/promises';
import { VssError } from '../../core/errors.ts';
import { lastErrorLine, runTool } from './run-tool.ts';

export interface StreamProbe {
  streamIndex: number;
  codec: string;
  codecTag: string;
  width: number;
  height: number;
  /** Stream time base as [num, den]. */
  timeBase: [number, number];
  /** avg_frame_rate (or r_frame_rate) as a number, 0 when unknown. */
  nominalFps: number;
  /** Clockwise rotation to apply for display: 0, 90, 180 or 270. */
  rotation: number;
  formatName: string;
  /** Decoder reorder delay in frames (ffprobe has_b_frames); ffmpeg's -ss adjusts for it. */
  videoDelay: number;
  /** Container start time in seconds (what ffmpeg's -ss is relative to). */
  formatStartSec: number;
}

interface RawStream {
  index?: number;
  codec_type?: string;
  codec_name?: string;
  codec_tag_string?: string;
  width?: number;
  height?: number;
  has_b_frames?: number;
  time_base?: string;
  avg_frame_rate?: string;
  r_frame_rate?: string;
  disposition?: { attached_pic?: number };
  tags?: { rotate?: string };
  side_data_list?: { side_data_type?: string; rotation?: number }[];
}
interface RawProbe {
  streams?: RawStream[];
  format?: { format_name?: string; start_time?: string };
}

export function parseRatio(s: string | undefined): number {
  if (!s) return 0;
  const [a, b] = s.split('/').map(Number);
  if (!Number.isFinite(a) || !a) return 0;
  const r = b === undefined ? a : b ? a / b : 0;
  return Number.isFinite(r) ? r : 0;
}

/** Clockwise display rotation from the rotate tag or the display matrix (ffprobe reports it counter-clockwise). */
export function rotationOf(s: RawStream): number {
  let deg = 0;
  const tag = s.tags?.rotate;
  if (tag !== undefined && tag.trim() !== '' && Number.isFinite(Number(tag))) deg = Number(tag);
  else {
    const dm = s.side_data_list?.find((d) => d.side_data_type === 'Display Matrix' && typeof d.rotation === 'number');
    if (dm?.rotation !== undefined) deg = -dm.rotation;
  }
  const r = ((Math.round(deg / 90) * 90) % 360 + 360) % 360;
  return r;
}

/** The first bytes look like text (a text file renamed to .mp4, a playlist, ...). */
function looksLikeText(head: Buffer): boolean {
  if (head.length === 0) return false;
  for (const b of head) if (b < 9 || (b > 13 && b < 32) || b === 127) return false;
  return true;
}

/** An ISO-BMFF (MP4/MOV) file starts with a box such as ftyp, mdat, moov, free, wide. */
function looksLikeMp4(head: Buffer): boolean {
  return head.length >= 8 && /^(ftyp|moov|mdat|free|wide|skip|pnot)$/.test(head.toString('latin1', 4, 8));
}

function mapProbeFailure(path: string, stderr: string, head: Buffer): VssError {
  const line = lastErrorLine(stderr).replace(`${path}: `, '');
  if (looksLikeText(head)) return new VssError('UNSUPPORTED', `not a video file (it contains text): ${path}`);
  if (/moov atom not found/i.test(stderr)) {
    if (looksLikeMp4(head)) return new VssError('CORRUPT', `truncated or damaged MP4 (moov atom not found): ${path}`);
    return new VssError('UNSUPPORTED', `not a readable video file: ${path}`);
  }
  if (/Invalid NAL|truncat|End of file|partial file/i.test(stderr)) {
    return new VssError('CORRUPT', `damaged or truncated video (${line || 'unreadable'}): ${path}`);
  }
  if (/Invalid data found/i.test(stderr)) return new VssError('UNSUPPORTED', `not a readable video file: ${path}`);
  if (/Permission denied/i.test(stderr)) return new VssError('NOT_FOUND', `cannot read ${path} (permission denied)`);
  return new VssError('UNSUPPORTED', `cannot read video ${path}: ${line || 'ffprobe failed'}`);
}

async function readHead(path: string): Promise<Buffer> {
  const fh = await open(path, 'r');
  try {
    const b = Buffer.alloc(512);
    const { bytesRead } = await fh.read(b, 0, 512, 0);
    return b.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

export async function probeStream(path: string): Promise<StreamProbe> {
  const r = await runTool('ffprobe', ['-v', 'error', '-show_streams', '-show_format', '-of', 'json', path]);
  if (r.code !== 0) throw mapProbeFailure(path, r.stderr, await readHead(path));
  let raw: RawProbe;
  try {
    raw = JSON.parse(r.stdout) as RawProbe;
  } catch {
    throw new VssError('INTERNAL', `ffprobe printed unreadable output for ${path}`);
  }
  const streams = raw.streams ?? [];
  const video = streams.find((s) => s.codec_type === 'video' && !s.disposition?.attached_pic);
  if (!video) {
    const audio = streams.some((s) => s.codec_type === 'audio');
    if (audio) throw new VssError('UNSUPPORTED', `no video stream (audio-only file): ${path}`);
    throw new VssError('UNSUPPORTED', `no video stream: ${path}`);
  }
  const tag = video.codec_tag_string ?? '';
  if (!video.codec_name || video.codec_name === 'none' || video.codec_name === 'unknown') {
    throw new VssError('UNSUPPORTED', `unsupported video codec (unknown codec${tag ? ` tag "${tag}"` : ''}): ${path}`);
  }
  const [tbNum, tbDen] = (video.time_base ?? '1/90000').split('/').map(Number);
  const width = video.width ?? 0;
  const height = video.height ?? 0;
  if (!(width > 0 && height > 0)) throw new VssError('CORRUPT', `video stream has no frame size: ${path}`);
  return {
    streamIndex: video.index ?? 0,
    codec: video.codec_name,
    codecTag: tag,
    width,
    height,
    timeBase: [tbNum || 1, tbDen || 90000],
    nominalFps: parseRatio(video.avg_frame_rate) || parseRatio(video.r_frame_rate),
    rotation: rotationOf(video),
    formatName: raw.format?.format_name ?? '',
    videoDelay: video.has_b_frames ?? 0,
    formatStartSec: Number(raw.format?.start_time ?? 0) || 0,
  };
}
