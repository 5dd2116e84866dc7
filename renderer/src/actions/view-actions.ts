/** View, overlays, panels and help. */
import { toggleOverlay, type OverlayName } from '../overlays/overlay-actions.ts';
import { openExportDialog } from '../export/export-actions.ts';
import { openImportDialog } from '../import/import-actions.ts';
import type { AppState } from '../store/app-store.ts';
import { hasProject, hasVideo, type Action } from './types.ts';

function overlay(name: OverlayName, label: string, key: string): Action {
  return {
    id: `overlay.${name}`,
    label,
    group: 'Overlays',
    keys: [key],
    enabled: hasProject,
    checked: (s: AppState) => s.project?.view.overlays[name] ?? false,
    perform: () => toggleOverlay(name),
  };
}

export const VIEW_ACTIONS: readonly Action[] = [
  { id: 'view.fit', label: 'Fit to window', group: 'View', keys: ['F'], enabled: hasVideo, perform: (s) => s.fit() },
  { id: 'view.actual', label: 'Actual pixels (1:1)', group: 'View', keys: ['1'], enabled: (s) => hasVideo(s) && s.tool === null, perform: (s) => s.oneToOne() },
  { id: 'panel.side', label: 'Side panel', group: 'View', keys: ['\\'], checked: (s) => s.panels.side, perform: (s) => s.toggleSidePanel() },
  overlay('mask', 'Label mask', 'M'),
  overlay('confidence', 'Confidence heatmap', 'C'),
  overlay('flow', 'Optical flow colours', 'O'),
  overlay('flowArrows', 'Optical flow arrows', 'Shift+O'),
  overlay('diff', 'Track diff (main vs compare)', 'D'),
  overlay('flicker', 'Flicker (label flips along the flow)', 'Shift+L'),
  { id: 'classes.edit', label: 'Edit classes…', group: 'Project', keys: ['Shift+C'], enabled: hasProject, perform: (s) => s.setClassesOpen(!s.classesOpen) },
  { id: 'export.open', label: 'Export labels…', group: 'Project', keys: ['Mod+E'], enabled: (s) => hasProject(s) && !s.project?.videoMissing, perform: () => openExportDialog() },
  { id: 'import.open', label: 'Import labels…', group: 'Project', keys: ['Mod+I'], enabled: (s) => hasProject(s) && !s.project?.videoMissing, perform: () => openImportDialog() },
  { id: 'help.shortcuts', label: 'Keyboard shortcuts', group: 'Help', keys: ['?', 'F1'], perform: (s) => s.setSheetOpen(!s.sheetOpen) },
  { id: 'help.close', label: 'Close the shortcut sheet', group: 'Help', keys: ['Escape'], enabled: (s) => s.sheetOpen, perform: (s) => s.setSheetOpen(false) },
];
