/** Fetches a track's labels of one frame (1 byte per pixel) from the labels resource. */
import { fetchResource } from '../client/http.ts';
import { FRAME_HEADERS, type VssBridge } from '../../../electron/shared/contract.ts';
import type { LabelMap } from '../../../electron/core/types.ts';

export function labelsUrl(b: Pick<VssBridge, 'frameBase' | 'frameQuery'>, projectId: string, trackId: string, index: number, raw = false): string {
  const base = b.frameBase.replace(/frames\/?$/, 'labels');
  const q = [b.frameQuery, raw ? 'raw=1' : ''].filter(Boolean).join('&');
  return `${base}/${encodeURIComponent(projectId)}/${encodeURIComponent(trackId)}/${index}${q ? `?${q}` : ''}`;
}

export interface FetchedLabels extends LabelMap {
  corrected: boolean;
}

export async function fetchLabels(b: Pick<VssBridge, 'frameBase' | 'frameQuery'>, projectId: string, trackId: string, index: number, raw = false): Promise<FetchedLabels> {
  const r = await fetchResource(labelsUrl(b, projectId, trackId, index, raw));
  if (!r.ok) throw new Error((await r.text()).split('\n')[0]?.trim() || `labels of frame ${index} failed (HTTP ${r.status})`);
  const width = Number(r.headers.get(FRAME_HEADERS.width));
  const height = Number(r.headers.get(FRAME_HEADERS.height));
  const data = new Uint8Array(await r.arrayBuffer());
  if (!(width > 0 && height > 0) || data.length !== width * height) throw new Error(`labels of frame ${index} have an unexpected size`);
  return { width, height, data, corrected: r.headers.get(FRAME_HEADERS.corrected) === '1' };
}
