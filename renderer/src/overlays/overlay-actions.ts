/** Overlay toggles and settings (persisted in the project's view through the project slice). */
import type { ProjectView } from '../../../electron/shared/contract.ts';
import { appStore } from '../store/index.ts';

export type OverlayName = keyof ProjectView['overlays'];

/** The overlay toggles in the side panel, with their short button labels (keys: actions/view-actions.ts). */
export const OVERLAY_BUTTONS: { name: OverlayName; label: string }[] = [
  { name: 'mask', label: 'Mask' },
  { name: 'confidence', label: 'Conf' },
  { name: 'flow', label: 'Flow' },
  { name: 'flowArrows', label: 'Arrows' },
  { name: 'diff', label: 'Diff' },
  { name: 'flicker', label: 'Flicker' },
];

export function toggleOverlay(name: OverlayName): void {
  const s = appStore.getState();
  const p = s.project;
  if (!p) {
    s.notify('warning', 'Open a video first: overlays belong to its project');
    return;
  }
  const on = !p.view.overlays[name];
  s.setProjectView({ overlays: { ...p.view.overlays, [name]: on } });
  if (on && (name === 'diff') && !p.view.compareTrackId) s.notify('info', 'Pick a compare track in the track list to see where the two tracks disagree');
}

export function setOpacity(opacity: number): void {
  appStore.getState().setProjectView({ opacity: Math.min(1, Math.max(0, opacity)) });
}

export function toggleClassHidden(id: number): void {
  const p = appStore.getState().project;
  if (!p) return;
  const hidden = p.view.hiddenClasses.includes(id) ? p.view.hiddenClasses.filter((c) => c !== id) : [...p.view.hiddenClasses, id].sort((a, b) => a - b);
  appStore.getState().setProjectView({ hiddenClasses: hidden });
}
