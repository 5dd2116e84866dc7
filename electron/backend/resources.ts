/**
 * Binary resources (see the comment at the top of shared/contract.ts), parsed and checked the
 * same way for the review host (/api/<kind>/...) and Electron's vss-frame://<kind>/... protocol:
 *   frames/<videoId>/<index>   labels|confidence/<projectId>/<trackId>/<index>   flow/<videoId>/<index>
 * Ids must be safe ids, indices plain integers; the only query parameters are `raw` (labels) and
 * the review host's `token`. No file paths are ever accepted; ids are resolved against what is
 * open, and indices range-checked, by the backend (api.ts resource()).
 */
import { RESOURCE_KINDS, FRAME_HEADERS, type ResourceKind } from '../shared/contract.ts';
import { VssError } from '../core/errors.ts';

export type ResourceRequest =
  | { kind: 'frames'; videoId: string; index: number }
  | { kind: 'flow'; videoId: string; index: number }
  | { kind: 'labels'; projectId: string; trackId: string; index: number; raw: boolean }
  | { kind: 'confidence'; projectId: string; trackId: string; index: number; raw: boolean };

export interface ResourceResponse {
  headers: Record<string, string>;
  body: Uint8Array;
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const INDEX = /^\d{1,9}$/;
const QUERY_KEYS = new Set(['raw', 'token']);

function isKind(v: string): v is ResourceKind {
  return (RESOURCE_KINDS as readonly string[]).includes(v);
}

function checkId(v: string, what: string): string {
  if (!ID.test(v)) throw new VssError('BAD_REQUEST', `resource URL has an invalid ${what}`);
  return v;
}

function checkIndex(v: string): number {
  if (!INDEX.test(v)) throw new VssError('BAD_REQUEST', 'resource index must be a non-negative integer');
  return Number.parseInt(v, 10);
}

/** `path` is "<kind>/<...>" (no leading slash); `query` the URL's search parameters. */
export function parseResourcePath(path: string, query: URLSearchParams = new URLSearchParams()): ResourceRequest {
  for (const k of query.keys()) if (!QUERY_KEYS.has(k)) throw new VssError('BAD_REQUEST', `unknown resource parameter "${k.slice(0, 32)}"`);
  const [kind, ...parts] = path.split('/');
  if (kind === undefined || !isKind(kind)) throw new VssError('BAD_REQUEST', `unknown resource kind (one of ${RESOURCE_KINDS.join(', ')})`);
  if (kind === 'frames' || kind === 'flow') {
    if (parts.length !== 2) throw new VssError('BAD_REQUEST', `${kind} URL must be ${kind}/<videoId>/<index>`);
    const videoId = checkId(parts[0]!, 'video id');
    const index = checkIndex(parts[1]!);
    return kind === 'frames' ? { kind, videoId, index } : { kind, videoId, index };
  }
  if (parts.length !== 3) throw new VssError('BAD_REQUEST', `${kind} URL must be ${kind}/<projectId>/<trackId>/<index>`);
  const raw = query.get('raw');
  if (raw !== null && raw !== '0' && raw !== '1') throw new VssError('BAD_REQUEST', 'raw must be 0 or 1');
  if (kind === 'confidence' && raw !== null) throw new VssError('BAD_REQUEST', 'raw applies to labels only');
  const grid = { projectId: checkId(parts[0]!, 'project id'), trackId: checkId(parts[1]!, 'track id'), index: checkIndex(parts[2]!), raw: raw === '1' };
  return kind === 'labels' ? { kind, ...grid } : { kind, ...grid };
}

/** Response headers of a grid resource (labels, confidence, flow). */
export function gridHeaders(width: number, height: number, index: number, extra: Record<string, string> = {}): Record<string, string> {
  return {
    'content-type': 'application/octet-stream',
    'cache-control': 'no-store',
    [FRAME_HEADERS.width]: String(width),
    [FRAME_HEADERS.height]: String(height),
    [FRAME_HEADERS.index]: String(index),
    ...extra,
  };
}

/** Header names the renderer reads (Electron's protocol exposes them over CORS). */
export const EXPOSED_HEADERS = Object.values(FRAME_HEADERS).join(', ');
