/**
 * Live state of tracks that an engine run is filling (or that a run in this session left
 * cancelled/failed). Kept per workspace so track-info.ts can report it without a cycle through
 * the run code. Tracks not listed here are plain finished tracks ('done').
 */
import type { TrackInfo } from '../../shared/contract.ts';
import type { WorkspaceContext } from './context.ts';

export interface LiveTrackStatus {
  status: TrackInfo['status'];
  framesDone: number;
  /** Key frames and per-frame TC the run reported so far (its summary.json exists only at the end). */
  keyFrames?: number[];
  tc?: (number | null)[];
}

const stores = new WeakMap<WorkspaceContext, Map<string, LiveTrackStatus>>();

function store(ctx: WorkspaceContext): Map<string, LiveTrackStatus> {
  let s = stores.get(ctx);
  if (!s) stores.set(ctx, (s = new Map()));
  return s;
}

const key = (projectId: string, trackId: string): string => `${projectId}/${trackId}`;

export function liveStatus(ctx: WorkspaceContext, projectId: string, trackId: string): LiveTrackStatus | undefined {
  return store(ctx).get(key(projectId, trackId));
}

export function setLiveStatus(ctx: WorkspaceContext, projectId: string, trackId: string, s: LiveTrackStatus | null): void {
  if (s) store(ctx).set(key(projectId, trackId), s);
  else store(ctx).delete(key(projectId, trackId));
}
