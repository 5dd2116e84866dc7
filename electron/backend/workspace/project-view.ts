/**
 * The UI's view settings (contract ProjectView) ↔ the project file. project.json keeps the
 * portable part (overlay, opacity, hidden classes, zoom); the rest of the view (pan, flow/diff
 * overlays, selected and compared tracks, compare mode) is kept in view.json beside it.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ProjectView } from '../../shared/contract.ts';
import { requestValidators } from '../../shared/contract.ts';
import { writeJsonAtomic } from '../project/atomic.ts';
import type { ViewSettings } from '../project/types.ts';

export const VIEW_FILE = 'view.json';

export function defaultView(): ProjectView {
  return {
    overlays: { mask: true, flow: false, flowArrows: false, diff: false, flicker: false, confidence: false },
    opacity: 0.5,
    hiddenClasses: [],
    zoom: 1,
    panX: 0,
    panY: 0,
    trackId: null,
    compareTrackId: null,
    compareMode: 'off',
  };
}

/** The portable part written into project.json. */
export function toViewSettings(v: ProjectView): ViewSettings {
  return {
    overlay: { labels: v.overlays.mask, confidence: v.overlays.confidence, flicker: v.overlays.flicker },
    opacity: v.opacity,
    hiddenClasses: [...v.hiddenClasses],
    zoom: v.zoom,
  };
}

/** view.json when present and valid, else the defaults completed from project.json's view. */
export async function loadView(dir: string, saved: ViewSettings): Promise<ProjectView> {
  const base = defaultView();
  const fromProject: ProjectView = {
    ...base,
    overlays: { ...base.overlays, mask: saved.overlay.labels, confidence: saved.overlay.confidence, flicker: saved.overlay.flicker },
    opacity: saved.opacity,
    hiddenClasses: [...saved.hiddenClasses],
    zoom: Math.min(64, Math.max(0.01, saved.zoom)),
  };
  try {
    const raw: unknown = JSON.parse(await readFile(join(dir, VIEW_FILE), 'utf8'));
    const r = requestValidators['project.setView']({ projectId: 'x', playhead: 0, view: raw }, 'view.json');
    return r.view;
  } catch {
    return fromProject;
  }
}

export async function saveView(dir: string, view: ProjectView): Promise<void> {
  await writeJsonAtomic(join(dir, VIEW_FILE), view);
}
