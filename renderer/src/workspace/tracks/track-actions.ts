/** Track list actions: choose main / compare track and compare mode, rename, delete. */
import type { ProjectView } from '../../../../electron/shared/contract.ts';
import { client } from '../../client/bridge.ts';
import { appStore } from '../../store/index.ts';

const state = () => appStore.getState();
const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function selectMain(trackId: string): void {
  const v = state().project?.view;
  state().setProjectView({ trackId, ...(v?.compareTrackId === trackId ? { compareTrackId: null } : {}) });
}

export function selectCompare(trackId: string | null): void {
  const v = state().project?.view;
  if (!v) return;
  state().setProjectView({ compareTrackId: trackId, ...(trackId === null ? { compareMode: 'off' as const } : v.compareMode === 'off' ? { compareMode: 'side-by-side' as const } : {}) });
}

export function setCompareMode(mode: ProjectView['compareMode']): void {
  const p = state().project;
  if (!p) return;
  if (mode !== 'off' && !p.view.compareTrackId) {
    const other = p.tracks.find((t) => t.id !== (p.view.trackId ?? p.tracks[0]?.id));
    if (!other) {
      state().notify('warning', 'Compare needs two tracks: run the engine again with other settings');
      return;
    }
    state().setProjectView({ compareTrackId: other.id, compareMode: mode });
    return;
  }
  state().setProjectView({ compareMode: mode });
}

export async function renameTrack(trackId: string, name: string): Promise<void> {
  const p = state().project;
  const t = p?.tracks.find((x) => x.id === trackId);
  if (!p || !t || !name.trim() || name.trim() === t.name) return;
  try {
    await client.call('track.rename', { projectId: p.id, trackId, name: name.trim() });
    state().upsertTrack({ ...t, name: name.trim() });
  } catch (e) {
    state().notify('error', `Cannot rename: ${message(e)}`);
  }
}

export async function deleteTrack(trackId: string): Promise<void> {
  const p = state().project;
  if (!p) return;
  try {
    await client.call('track.delete', { projectId: p.id, trackId });
    const now = state().project;
    if (!now || now.id !== p.id) return;
    const view = now.view;
    state().setProject({ ...now, tracks: now.tracks.filter((t) => t.id !== trackId) });
    state().setProjectView({
      ...(view.trackId === trackId ? { trackId: null } : {}),
      ...(view.compareTrackId === trackId ? { compareTrackId: null, compareMode: 'off' as const } : {}),
    });
  } catch (e) {
    state().notify('error', `Cannot delete: ${message(e)}`);
  }
}
