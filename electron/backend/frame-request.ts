/**
 * Parses and checks a frame request "<videoId>/<index>" shared by the review host
 * (/api/frames/...) and Electron's vss-frame:// protocol. No file paths are ever accepted.
 */
import type { ErrorCode } from '../core/errors.ts';
import { FRAME_HEADERS } from '../shared/contract.ts';
import { VssError } from '../core/errors.ts';
import type { DecodedFrame } from './video/types.ts';

export interface FrameRequest {
  videoId: string;
  index: number;
}

const VIDEO_ID = /^[A-Za-z0-9_-]{1,64}$/;
const INDEX = /^\d{1,9}$/;

/** `rest` is what follows the frames prefix, e.g. "v1/42". Throws VssError BAD_REQUEST. */
export function parseFramePath(rest: string): FrameRequest {
  const parts = rest.split('/');
  if (parts.length !== 2) throw new VssError('BAD_REQUEST', 'frame URL must be <videoId>/<index>');
  const [videoId, index] = parts as [string, string];
  if (!VIDEO_ID.test(videoId)) throw new VssError('BAD_REQUEST', 'frame URL has an invalid video id');
  if (!INDEX.test(index)) throw new VssError('BAD_REQUEST', 'frame index must be a non-negative integer');
  return { videoId, index: Number.parseInt(index, 10) };
}

export function frameHeaders(f: DecodedFrame): Record<string, string> {
  return {
    'content-type': 'application/octet-stream',
    'cache-control': 'no-store',
    [FRAME_HEADERS.width]: String(f.width),
    [FRAME_HEADERS.height]: String(f.height),
    [FRAME_HEADERS.index]: String(f.index),
    [FRAME_HEADERS.pts]: String(f.pts),
  };
}

/** HTTP status for an error code (the review host and the frame protocol both use it). */
export function httpStatus(code: ErrorCode): number {
  switch (code) {
    case 'BAD_REQUEST':
      return 400;
    case 'NOT_FOUND':
    case 'OUT_OF_RANGE':
      return 404;
    case 'UNSUPPORTED':
      return 415;
    case 'CORRUPT':
      return 422;
    case 'CANCELLED':
      return 409;
    case 'INTERNAL':
      return 500;
  }
}
