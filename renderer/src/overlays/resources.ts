/**
 * Fetches binary grid resources (labels, confidence, flow) next to the frames: the bridge's frame
 * base with "frames" replaced by the kind, e.g. /api/labels/<projectId>/<trackId>/<index>?token=…
 * or vss-frame://labels/…. A 404 (frame not computed yet, no confidence) resolves to null.
 */
import { FRAME_HEADERS, type VssBridge } from '../../../electron/shared/contract.ts';
import { bridge } from '../client/bridge.ts';

export interface Grid<T extends Uint8Array | Float32Array> {
  width: number;
  height: number;
  data: T;
  /** Labels: the frame has a correction; flow: frame width / flow width. */
  corrected: boolean;
  flowScale: number;
}

export function resourceUrl(b: Pick<VssBridge, 'frameBase' | 'frameQuery'>, kind: 'labels' | 'confidence' | 'flow', parts: readonly (string | number)[], raw = false): string {
  const base = b.frameBase.replace(/frames$/, kind);
  const q = [b.frameQuery, raw ? 'raw=1' : ''].filter(Boolean).join('&');
  return `${base}/${parts.map((p) => encodeURIComponent(String(p))).join('/')}${q ? `?${q}` : ''}`;
}

async function get(url: string): Promise<Response | null> {
  const r = await fetch(url, { cache: 'no-store' });
  if (r.status === 404) return null;
  if (!r.ok) throw new Error((await r.text()).split('\n')[0]?.trim() || `HTTP ${r.status}`);
  return r;
}

function size(r: Response): { width: number; height: number } {
  return { width: Number(r.headers.get(FRAME_HEADERS.width)), height: Number(r.headers.get(FRAME_HEADERS.height)) };
}

export async function fetchLabelGrid(kind: 'labels' | 'confidence', projectId: string, trackId: string, index: number, raw = false): Promise<Grid<Uint8Array> | null> {
  const r = await get(resourceUrl(bridge, kind, [projectId, trackId, index], raw));
  if (!r) return null;
  const { width, height } = size(r);
  const data = new Uint8Array(await r.arrayBuffer());
  if (data.length !== width * height) throw new Error(`${kind} of frame ${index} has an unexpected size`);
  return { width, height, data, corrected: r.headers.get(FRAME_HEADERS.corrected) === '1', flowScale: 1 };
}

export async function fetchFlowGrid(videoId: string, index: number): Promise<Grid<Float32Array> | null> {
  const r = await get(resourceUrl(bridge, 'flow', [videoId, index]));
  if (!r) return null;
  const { width, height } = size(r);
  const data = new Float32Array(await r.arrayBuffer());
  if (data.length !== width * height * 2) throw new Error(`flow of frame ${index} has an unexpected size`);
  return { width, height, data, corrected: false, flowScale: Number(r.headers.get(FRAME_HEADERS.flowScale) ?? 1) };
}
