/**
 * The root store, built from typed slices. createAppStore() makes a fresh vanilla store (tests
 * build their own); the app uses the one instance in store/index.ts through useApp().
 */
import { createStore } from 'zustand/vanilla';
import { createPlayheadSlice, type PlayheadSlice } from './playhead-slice.ts';
import { createStatusSlice, type StatusSlice } from './status-slice.ts';
import { createVideoSlice, type VideoSlice } from './video-slice.ts';
import { createViewSlice, type ViewSlice } from './view-slice.ts';
import { createProjectSlice, type ProjectSlice } from './project-slice.ts';
import { createEditSlice, type EditSlice } from './edit-slice.ts';
import { createExportSlice, type ExportSlice } from './export-slice.ts';
import { createImportSlice, type ImportSlice } from './import-slice.ts';
import { createRunSlice, type RunSlice } from './run-slice.ts';
import { createOverlaySlice, type OverlaySlice } from './overlay-slice.ts';
import { createUiSlice, type UiSlice } from './ui-slice.ts';
import { createClassesSlice, type ClassesSlice } from './classes-slice.ts';

export type AppState = VideoSlice & PlayheadSlice & ViewSlice & StatusSlice & ProjectSlice & EditSlice & ExportSlice & ImportSlice & RunSlice & OverlaySlice & UiSlice & ClassesSlice;

export function createAppStore() {
  return createStore<AppState>()((...a) => ({
    ...createVideoSlice(...a),
    ...createPlayheadSlice(...a),
    ...createViewSlice(...a),
    ...createStatusSlice(...a),
    ...createProjectSlice(...a),
    ...createEditSlice(...a),
    ...createExportSlice(...a),
    ...createImportSlice(...a),
    ...createRunSlice(...a),
    ...createOverlaySlice(...a),
    ...createUiSlice(...a),
    ...createClassesSlice(...a),
  }));
}

export type AppStore = ReturnType<typeof createAppStore>;
