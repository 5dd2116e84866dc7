/**
 * Frame responses shared by the review host (/api/frames/...) and Electron's vss-frame://
 * protocol: their headers, and the HTTP status of an error code. Requests are parsed by
 * resources.ts (`parseResourcePath`).
 */
import type { ErrorCode } from '../core/errors.ts';
import { FRAME_HEADERS } from '../shared/contract.ts';
import type { DecodedFrame } from './video/types.ts';

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
    case 'LOCKED':
      return 409;
    case 'INTERNAL':
      return 500;
  }
}
