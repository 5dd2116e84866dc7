/**
 * The persisted view ↔ the viewer: ProjectView.zoom/panX/panY hold the manual image-to-canvas
 * transform (scale, x, y); zoom 1 with pan 0,0 means "fit".
 */
import type { ProjectView } from '../../../electron/shared/contract.ts';
import type { AppState } from '../store/app-store.ts';

export function viewerPatch(v: ProjectView): Pick<AppState, 'viewMode' | 'manualView'> {
  const fit = v.zoom === 1 && v.panX === 0 && v.panY === 0;
  return { viewMode: fit ? 'fit' : 'manual', manualView: { scale: v.zoom, x: v.panX, y: v.panY } };
}

/** The view to save: the project's view with the viewer's current zoom and pan. */
export function viewToSave(s: Pick<AppState, 'project' | 'viewMode' | 'manualView'>): ProjectView | null {
  if (!s.project) return null;
  const manual = s.viewMode === 'manual';
  const zoom = manual ? Math.min(64, Math.max(0.01, s.manualView.scale)) : 1;
  return { ...s.project.view, zoom, panX: manual ? s.manualView.x : 0, panY: manual ? s.manualView.y : 0 };
}

/** Key of what project.setView would send (cheap change detection). */
export function viewKey(s: Pick<AppState, 'project' | 'viewMode' | 'manualView' | 'index'>): string {
  const v = viewToSave(s);
  return v ? JSON.stringify([s.project?.id, v, s.index]) : '';
}
