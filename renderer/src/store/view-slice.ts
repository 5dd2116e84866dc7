import type { StateCreator } from 'zustand';
import type { AppState } from './app-store.ts';
import { fitView, oneToOneView, panView, zoomAbout, type ViewTransform } from '../viewer/view-transform.ts';

export type ViewMode = 'fit' | 'manual';

export interface ViewSlice {
  viewMode: ViewMode;
  /** Image-to-canvas transform in canvas pixels (used when viewMode is 'manual'). */
  manualView: ViewTransform;
  /** Canvas size in device pixels. */
  viewport: { width: number; height: number };
  setViewport(width: number, height: number): void;
  fit(): void;
  oneToOne(): void;
  zoomAt(x: number, y: number, factor: number): void;
  panBy(dx: number, dy: number): void;
}

/** The transform in effect: fit is recomputed from the viewport, manual is stored. */
export function currentView(s: Pick<AppState, 'viewMode' | 'manualView' | 'viewport' | 'video'>): ViewTransform {
  if (s.viewMode === 'manual' || !s.video) return s.manualView;
  return fitView(s.video, s.viewport);
}

export const createViewSlice: StateCreator<AppState, [], [], ViewSlice> = (set, get) => ({
  viewMode: 'fit',
  manualView: { scale: 1, x: 0, y: 0 },
  viewport: { width: 0, height: 0 },
  setViewport: (width, height) => set({ viewport: { width, height } }),
  fit: () => set({ viewMode: 'fit' }),
  oneToOne: () => {
    const { video, viewport } = get();
    if (video) set({ viewMode: 'manual', manualView: oneToOneView(video, viewport) });
  },
  zoomAt: (x, y, factor) => set({ viewMode: 'manual', manualView: zoomAbout(currentView(get()), x, y, factor) }),
  panBy: (dx, dy) => set({ viewMode: 'manual', manualView: panView(currentView(get()), dx, dy) }),
});
