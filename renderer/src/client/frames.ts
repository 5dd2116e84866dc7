/** Fetches one frame as raw RGBA (x-frame-* headers) from vss-frame:// or the review host. */
import { FRAME_HEADERS, type FrameData, type VssBridge, type WireError } from '../../../electron/shared/contract.ts';
import { BridgeError } from './errors.ts';
import { fetchResource } from './http.ts';

export function frameUrl(b: Pick<VssBridge, 'frameBase' | 'frameQuery'>, videoId: string, index: number): string {
  const q = b.frameQuery ? `?${b.frameQuery}` : '';
  return `${b.frameBase}/${encodeURIComponent(videoId)}/${index}${q}`;
}

function codeFor(status: number): WireError['code'] {
  if (status === 400) return 'BAD_REQUEST';
  if (status === 404) return 'NOT_FOUND';
  if (status === 415) return 'UNSUPPORTED';
  if (status === 422) return 'CORRUPT';
  return 'INTERNAL';
}

export async function fetchFrame(b: Pick<VssBridge, 'frameBase' | 'frameQuery'>, videoId: string, index: number): Promise<FrameData> {
  const r = await fetchResource(frameUrl(b, videoId, index));
  if (!r.ok) {
    const text = (await r.text()).split('\n')[0]?.trim();
    throw new BridgeError(codeFor(r.status), text || `frame ${index} failed (HTTP ${r.status})`);
  }
  const width = Number(r.headers.get(FRAME_HEADERS.width));
  const height = Number(r.headers.get(FRAME_HEADERS.height));
  const rgba = new Uint8ClampedArray(await r.arrayBuffer());
  if (!(width > 0 && height > 0) || rgba.length !== width * height * 4) {
    throw new BridgeError('CORRUPT', `frame ${index} has an unexpected size`);
  }
  return {
    index: Number(r.headers.get(FRAME_HEADERS.index) ?? index),
    width,
    height,
    pts: Number(r.headers.get(FRAME_HEADERS.pts) ?? 0),
    rgba,
  };
}
