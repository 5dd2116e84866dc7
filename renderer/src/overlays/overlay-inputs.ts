/** What the overlay layers read from the store: the project, its tracks and the current frame. */
import { useShallow } from 'zustand/shallow';
import type { ClassDef, ProjectState, TrackInfo } from '../../../electron/shared/contract.ts';
import { useApp } from '../store/index.ts';
import { currentTrackId } from '../store/project-slice.ts';

export interface TrackRef {
  projectId: string;
  trackId: string;
  /** The name the user sees (track ids are internal). */
  name: string;
  /** Labels exist for frames below this (a run may still be filling the track). */
  framesDone: number;
}

export function trackRef(p: ProjectState | null, trackId: string | null): TrackRef | null {
  const t: TrackInfo | undefined = p?.tracks.find((x) => x.id === trackId);
  return p && t ? { projectId: p.id, trackId: t.id, name: t.name, framesDone: t.status === 'running' ? t.framesDone : Number.MAX_SAFE_INTEGER } : null;
}

/** Key part that changes when a frame's labels become available or change. */
export function labelsKey(r: TrackRef | null, index: number, revision: number): string | null {
  if (!r || index < 0 || index >= r.framesDone) return null;
  return `${r.projectId}/${r.trackId}/${index}/${revision}`;
}

export function useMainTrack(): TrackRef | null {
  return useApp(useShallow((s) => trackRef(s.project, currentTrackId(s.project))));
}

export function useCompareTrack(): TrackRef | null {
  return useApp(useShallow((s) => trackRef(s.project, s.project?.view.compareTrackId ?? null)));
}

const NO_CLASSES: ProjectState['classes'] = [];
const NO_HIDDEN: number[] = [];

/** What a drawn mask depends on besides its labels: class colours, hidden classes, opacity. */
export function maskStyleKey(m: { classes: readonly ClassDef[]; hidden: readonly number[]; opacity: number }): string {
  return `${m.classes.map((c) => `${c.id}:${c.color.join(',')}`).join(';')}/${m.hidden.join(',')}/${m.opacity}`;
}

/** Mask styling from the project (stable empty arrays without a project, so selectors settle). */
export function useMaskStyle() {
  return useApp(
    useShallow((s) => ({
      classes: s.project?.classes ?? NO_CLASSES,
      hidden: s.project?.view.hiddenClasses ?? NO_HIDDEN,
      opacity: s.project?.view.opacity ?? 0.5,
      ignore: s.project?.ignoreIndex ?? 255,
    })),
  );
}
