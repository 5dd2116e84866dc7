/**
 * The async rasterizers behind each overlay layer: fetch the grids (cached) and turn them into
 * RGBA with the pure functions of rasterize.ts, writing into a reused buffer.
 */
import type { ClassDef } from '../../../electron/shared/contract.ts';
import { flowToColor } from '../../../electron/core/colorwheel.ts';
import type { RasterImage } from './RasterCanvas.tsx';
import { loadFlow, loadLabels } from '../client/resources.ts';
import type { TrackRef } from './overlay-inputs.ts';
import { classPalette, colorizeLabels } from '../../../electron/core/palette.ts';
import { warpTable, type WarpTable } from '../../../electron/core/warp/warp-labels.ts';
import { confidenceHeat, diffMask, flickerMask, packRgba } from './rasterize.ts';
import { nextSeq, rgbaBuffer } from './use-raster.ts';

export const DIFF_COLOR = packRgba(255, 0, 220, 220);
export const FLICKER_COLOR = packRgba(255, 210, 0, 230);

/** Pixel counts of the last diff / flicker raster (shown in the legend and stats). */
export const lastCounts = { diff: 0, flicker: 0 };

export async function maskImage(t: TrackRef, index: number, classes: readonly ClassDef[], hidden: readonly number[], opacity: number, ignoreIndex: number, reuse: Uint8ClampedArray | null): Promise<RasterImage | null> {
  const g = await loadLabels('labels', t.projectId, t.trackId, index);
  if (!g) return null;
  const out = colorizeLabels(g.data, classPalette(classes, { hidden, opacity, ignoreIndex }), rgbaBuffer(reuse, g.data.length));
  return { rgba: out, width: g.width, height: g.height, scale: 1, index, seq: nextSeq() };
}

export async function confidenceImage(t: TrackRef, index: number, reuse: Uint8ClampedArray | null): Promise<RasterImage | null> {
  const g = await loadLabels('confidence', t.projectId, t.trackId, index);
  if (!g) return null;
  return { rgba: confidenceHeat(g.data, rgbaBuffer(reuse, g.data.length)), width: g.width, height: g.height, scale: 1, index, seq: nextSeq() };
}

export async function flowImage(videoId: string, index: number, reuse: Uint8ClampedArray | null): Promise<RasterImage | null> {
  const g = await loadFlow(videoId, index);
  if (!g) return null;
  const out = flowToColor({ width: g.width, height: g.height, data: g.data }, { out: rgbaBuffer(reuse, g.width * g.height), alpha: 200 });
  return { rgba: out, width: g.width, height: g.height, scale: g.flowScale, index, seq: nextSeq() };
}

export async function diffImage(a: TrackRef, b: TrackRef, index: number, ignoreIndex: number, reuse: Uint8ClampedArray | null): Promise<RasterImage | null> {
  const [ga, gb] = await Promise.all([loadLabels('labels', a.projectId, a.trackId, index), loadLabels('labels', b.projectId, b.trackId, index)]);
  if (!ga || !gb || ga.data.length !== gb.data.length) return null;
  const out = rgbaBuffer(reuse, ga.data.length);
  const rows = { top: 0, bottom: 0 };
  lastCounts.diff = diffMask(ga.data, gb.data, out, DIFF_COLOR, ignoreIndex, rows, ga.width);
  return { rgba: out, width: ga.width, height: ga.height, scale: 1, index, seq: nextSeq(), rows };
}

/** Reused between frames (the flow grid and the frame size rarely change). */
const warp: { table?: WarpTable; scratch: Uint8Array } = { scratch: new Uint8Array(0) };

export async function flickerImage(t: TrackRef, videoId: string, index: number, ignoreIndex: number, reuse: Uint8ClampedArray | null): Promise<RasterImage | null> {
  if (index < 1) return null;
  const [cur, prev, flow] = await Promise.all([loadLabels('labels', t.projectId, t.trackId, index), loadLabels('labels', t.projectId, t.trackId, index - 1), loadFlow(videoId, index - 1)]);
  if (!cur || !prev || !flow || cur.data.length !== prev.data.length) return null;
  warp.table = warpTable(cur.width, cur.height, flow, { negate: true, reuse: warp.table });
  if (warp.scratch.length !== cur.data.length) warp.scratch = new Uint8Array(cur.data.length);
  const out = rgbaBuffer(reuse, cur.data.length);
  const rows = { top: 0, bottom: 0 };
  lastCounts.flicker = flickerMask(cur, prev, warp.table, warp.scratch, out, FLICKER_COLOR, ignoreIndex, rows);
  return { rgba: out, width: cur.width, height: cur.height, scale: 1, index, seq: nextSeq(), rows };
}
