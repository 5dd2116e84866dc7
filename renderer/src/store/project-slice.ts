/**
 * The open project (contract ProjectState) as the UI knows it. The backend is the source of
 * truth; project.changed events replace it, edits patch corrections/locks from their responses,
 * and view changes are kept here and sent (debounced) by renderer/src/project/project-sync.ts.
 */
import type { StateCreator } from 'zustand';
import type { ProjectState, ProjectView, RecentProject, TrackInfo } from '../../../electron/shared/contract.ts';
import type { AppState } from './app-store.ts';

export interface ProjectSlice {
  project: ProjectState | null;
  recentProjects: RecentProject[];
  /** A project request is in flight (opening, relocating). */
  projectBusy: boolean;
  setProject(project: ProjectState | null): void;
  setRecentProjects(items: RecentProject[]): void;
  setProjectBusy(busy: boolean): void;
  /** Changes part of the view (overlays, opacity, selected tracks, compare mode…). */
  setProjectView(patch: Partial<ProjectView>): void;
  setCorrections(trackId: string, indices: number[]): void;
  setFrameLocked(trackId: string, index: number, locked: boolean): void;
  /** Replaces or adds one track (engine progress). */
  upsertTrack(track: TrackInfo): void;
}

const sortedUnique = (xs: number[]): number[] => [...new Set(xs)].sort((a, b) => a - b);

/** The track shown and edited: the view's track, else the first track. */
export function currentTrackId(p: ProjectState | null): string | null {
  if (!p) return null;
  if (p.view.trackId && p.tracks.some((t) => t.id === p.view.trackId)) return p.view.trackId;
  return p.tracks[0]?.id ?? null;
}

export const createProjectSlice: StateCreator<AppState, [], [], ProjectSlice> = (set, get) => {
  const patch = (f: (p: ProjectState) => Partial<ProjectState>): void => {
    const p = get().project;
    if (p) set({ project: { ...p, ...f(p) } });
  };
  return {
    project: null,
    recentProjects: [],
    projectBusy: false,
    setProject: (project) => set({ project }),
    setRecentProjects: (recentProjects) => set({ recentProjects }),
    setProjectBusy: (projectBusy) => set({ projectBusy }),
    setProjectView: (v) => patch((p) => ({ view: { ...p.view, ...v, overlays: { ...p.view.overlays, ...(v.overlays ?? {}) } } })),
    setCorrections: (trackId, indices) =>
      patch((p) => {
        const was = new Set(p.corrections[trackId] ?? []);
        const locked = (p.locked[trackId] ?? []).filter((i) => !was.has(i) || indices.includes(i));
        return { corrections: { ...p.corrections, [trackId]: sortedUnique(indices) }, locked: { ...p.locked, [trackId]: sortedUnique([...locked, ...indices]) } };
      }),
    setFrameLocked: (trackId, index, locked) =>
      patch((p) => {
        const list = (p.locked[trackId] ?? []).filter((i) => i !== index);
        return { locked: { ...p.locked, [trackId]: sortedUnique(locked ? [...list, index] : list) } };
      }),
    upsertTrack: (track) =>
      patch((p) => ({ tracks: p.tracks.some((t) => t.id === track.id) ? p.tracks.map((t) => (t.id === track.id ? track : t)) : [...p.tracks, track] })),
  };
};
