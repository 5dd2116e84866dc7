/** Transient overlay state (not saved with the project): the hover readout and the swipe split. */
import type { StateCreator } from 'zustand';
import type { AppState } from './app-store.ts';

export interface HoverReadout {
  /** Image pixel under the cursor. */
  x: number;
  y: number;
  classId: number | null;
  className: string;
  /** 0..1, null when no confidence map is loaded. */
  confidence: number | null;
}

export interface OverlaySlice {
  hover: HoverReadout | null;
  /** Swipe compare: fraction of the width showing the main track (0..1). */
  swipe: number;
  /**
   * Bumped after labels were saved on the backend and dropped from the label cache: views that
   * read the cache (overlay masks, frame stats, hover) select it to read the new labels.
   */
  labelsSaved: number;
  setHover(h: HoverReadout | null): void;
  setSwipe(f: number): void;
  bumpLabelsSaved(): void;
}

export const createOverlaySlice: StateCreator<AppState, [], [], OverlaySlice> = (set, get) => ({
  hover: null,
  swipe: 0.5,
  labelsSaved: 0,
  bumpLabelsSaved: () => set({ labelsSaved: get().labelsSaved + 1 }),
  setHover: (hover) => set({ hover }),
  setSwipe: (f) => set({ swipe: Math.min(1, Math.max(0, f)) }),
});
