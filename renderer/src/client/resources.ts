/**
 * The renderer's one resource client: frames, labels, confidence and flow, fetched by URL next to
 * each other (the bridge's frame base with "frames" replaced by the kind, e.g.
 * /api/labels/<projectId>/<trackId>/<index>?token=… or vss-frame://labels/…), through
 * fetchResource (connection errors made explicit), with one cache per kind (core's Lru; pending
 * requests shared, failures forgotten). Frames are kept as ImageBitmaps (closed on eviction).
 * For grids a 404 (frame not computed yet, no confidence) resolves to null, asked again later.
 */
import { LoadingLru, Lru } from '../../../electron/core/lru.ts';
import type { LabelMap } from '../../../electron/core/types.ts';
import { FRAME_HEADERS, type FrameData, type VssBridge, type WireError } from '../../../electron/shared/contract.ts';
import { bridge } from './bridge.ts';
import { BridgeError } from './errors.ts';
import { fetchResource } from './http.ts';

export type ResourceKind = 'frames' | 'labels' | 'confidence' | 'flow';
type Base = Pick<VssBridge, 'frameBase' | 'frameQuery'>;

export interface Grid<T extends Uint8Array | Float32Array> {
  width: number;
  height: number;
  data: T;
  /** Labels: the frame has a correction; flow: frame width / flow width. */
  corrected: boolean;
  flowScale: number;
}

export function resourceUrl(b: Base, kind: ResourceKind, parts: readonly (string | number)[], raw = false): string {
  const base = b.frameBase.replace(/frames\/?$/, kind);
  const q = [b.frameQuery, raw ? 'raw=1' : ''].filter(Boolean).join('&');
  return `${base}/${parts.map((p) => encodeURIComponent(String(p))).join('/')}${q ? `?${q}` : ''}`;
}

function codeFor(status: number): WireError['code'] {
  if (status === 400) return 'BAD_REQUEST';
  if (status === 404) return 'NOT_FOUND';
  if (status === 415) return 'UNSUPPORTED';
  if (status === 422) return 'CORRUPT';
  return 'INTERNAL';
}

/** The response, or null on 404 when `missingIsNull`; other failures throw a one-line BridgeError. */
async function get(url: string, what: string, missingIsNull: boolean): Promise<Response | null> {
  const r = await fetchResource(url);
  if (r.status === 404 && missingIsNull) return null;
  if (!r.ok) throw new BridgeError(codeFor(r.status), (await r.text()).split('\n')[0]?.trim() || `${what} failed (HTTP ${r.status})`);
  return r;
}

/** Width, height and the body, checked against `perPixel` elements of `Type`. */
async function body<T extends Uint8Array | Uint8ClampedArray | Float32Array>(r: Response, what: string, make: (b: ArrayBuffer) => T, perPixel: number) {
  const width = Number(r.headers.get(FRAME_HEADERS.width));
  const height = Number(r.headers.get(FRAME_HEADERS.height));
  const bytes = await r.arrayBuffer();
  const bad = (): never => {
    throw new BridgeError('CORRUPT', `${what} has an unexpected size`);
  };
  // A body that is not whole elements (a torn float grid) is as bad as one of the wrong length.
  let data: T;
  try {
    data = make(bytes);
  } catch {
    return bad();
  }
  if (!(width > 0 && height > 0) || data.length !== width * height * perPixel) bad();
  return { width, height, data };
}

export async function fetchFrame(b: Base, videoId: string, index: number): Promise<FrameData> {
  const r = (await get(resourceUrl(b, 'frames', [videoId, index]), `frame ${index}`, false))!;
  const { width, height, data } = await body(r, `frame ${index}`, (a) => new Uint8ClampedArray(a), 4);
  return { index: Number(r.headers.get(FRAME_HEADERS.index) ?? index), width, height, pts: Number(r.headers.get(FRAME_HEADERS.pts) ?? 0), rgba: data };
}

export async function fetchLabelGrid(kind: 'labels' | 'confidence', projectId: string, trackId: string, index: number, raw = false, b: Base = bridge): Promise<Grid<Uint8Array> | null> {
  const r = await get(resourceUrl(b, kind, [projectId, trackId, index], raw), `${kind} of frame ${index}`, true);
  if (!r) return null;
  const g = await body(r, `${kind} of frame ${index}`, (a) => new Uint8Array(a), 1);
  return { ...g, corrected: r.headers.get(FRAME_HEADERS.corrected) === '1', flowScale: 1 };
}

export async function fetchFlowGrid(videoId: string, index: number, b: Base = bridge): Promise<Grid<Float32Array> | null> {
  const r = await get(resourceUrl(b, 'flow', [videoId, index]), `flow of frame ${index}`, true);
  if (!r) return null;
  const g = await body(r, `flow of frame ${index}`, (a) => new Float32Array(a), 2);
  return { ...g, corrected: false, flowScale: Number(r.headers.get(FRAME_HEADERS.flowScale) ?? 1) };
}

/** A track's labels of one frame for editing (a fresh copy; throws when the frame has none). */
export async function fetchLabels(projectId: string, trackId: string, index: number, raw = false): Promise<LabelMap & { corrected: boolean }> {
  const g = await fetchLabelGrid('labels', projectId, trackId, index, raw);
  if (!g) throw new BridgeError('NOT_FOUND', `no labels for frame ${index} of track ${trackId} yet`);
  return { width: g.width, height: g.height, data: g.data, corrected: g.corrected };
}

// ------------------------------------------------------------------ caches, one per kind

const frames = new Lru<string, ImageBitmap>(48, (bmp) => bmp.close());
const framesLoading = new LoadingLru<string, ImageBitmap>(8);
const labels = new LoadingLru<string, Grid<Uint8Array> | null>(96);
const confidence = new LoadingLru<string, Grid<Uint8Array> | null>(48);
const flows = new LoadingLru<string, Grid<Float32Array> | null>(24);
/** Per track: bumped by invalidateLabels so keys change and layers refetch. */
const revisions = new Map<string, number>();

export function cachedFrame(videoId: string, index: number): ImageBitmap | undefined {
  return frames.get(`${videoId}/${index}`);
}

/** A frame as an ImageBitmap: from the cache, else fetched (RGBA → ImageData → ImageBitmap). */
export function loadFrame(videoId: string, index: number): Promise<ImageBitmap> {
  const key = `${videoId}/${index}`;
  const hit = frames.get(key);
  if (hit) return Promise.resolve(hit);
  return framesLoading.load(key, async () => {
    const f = await fetchFrame(bridge, videoId, index);
    const pixels = new Uint8ClampedArray(f.rgba.buffer as ArrayBuffer, f.rgba.byteOffset, f.rgba.length);
    const bmp = await createImageBitmap(new ImageData(pixels, f.width, f.height), { premultiplyAlpha: 'none', colorSpaceConversion: 'none' });
    frames.set(key, bmp);
    framesLoading.delete(key);
    return bmp;
  });
}

export function clearFrames(): void {
  frames.clear();
  framesLoading.clear();
}

export function labelsRevision(projectId: string, trackId: string): number {
  return revisions.get(`${projectId}/${trackId}`) ?? 0;
}

export function loadLabels(kind: 'labels' | 'confidence', projectId: string, trackId: string, index: number): Promise<Grid<Uint8Array> | null> {
  const cache = kind === 'labels' ? labels : confidence;
  const key = `${projectId}/${trackId}/${index}`;
  const p = cache.load(key, () => fetchLabelGrid(kind, projectId, trackId, index));
  // Not computed yet (404): ask again next time.
  void p.then((g) => g === null && cache.peek(key) === p && cache.delete(key), () => undefined);
  return p;
}

export function loadFlow(videoId: string, index: number): Promise<Grid<Float32Array> | null> {
  return flows.load(`${videoId}/${index}`, () => fetchFlowGrid(videoId, index));
}

/** Call after labels of a track changed (edits, re-imports): the layers fetch them again. */
export function invalidateLabels(projectId: string, trackId: string, indices?: readonly number[]): void {
  const set = indices ? new Set(indices.map(String)) : null;
  const drop = (k: string): boolean => {
    const [p, t, i] = k.split('/');
    return p === projectId && t === trackId && (!set || set.has(i ?? ''));
  };
  labels.dropWhere(drop);
  confidence.dropWhere(drop);
  revisions.set(`${projectId}/${trackId}`, labelsRevision(projectId, trackId) + 1);
}
