/**
 * Live state of a track that an engine run is filling (or that a run in this session left
 * cancelled/failed). The Workspace keeps it (liveStatus/setLiveStatus); tracks without one are
 * plain finished tracks ('done').
 */
import type { TrackInfo } from '../../shared/contract.ts';

export interface LiveTrackStatus {
  status: TrackInfo['status'];
  framesDone: number;
  /** Key frames and per-frame TC the run reported so far (its summary.json exists only at the end). */
  keyFrames?: number[];
  tc?: (number | null)[];
}
