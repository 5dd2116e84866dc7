import type { StateCreator } from 'zustand';
import type { AppState } from './app-store.ts';

export interface PlayheadSlice {
  /** The frame the user asked for (0-based). */
  index: number;
  /** The frame actually on screen (-1 before the first draw). */
  displayedIndex: number;
  playing: boolean;
  /** Frames drawn per second while playing (0 when paused). */
  achievedFps: number;
  seek(index: number): void;
  step(delta: number): void;
  setPlaying(playing: boolean): void;
  setDisplayed(index: number): void;
  setAchievedFps(fps: number): void;
}

export function clampIndex(index: number, frameCount: number): number {
  if (frameCount <= 0) return 0;
  return Math.min(frameCount - 1, Math.max(0, Math.round(index)));
}

export const createPlayheadSlice: StateCreator<AppState, [], [], PlayheadSlice> = (set, get) => ({
  index: 0,
  displayedIndex: -1,
  playing: false,
  achievedFps: 0,
  seek: (index) => set({ index: clampIndex(index, get().video?.frameCount ?? 0) }),
  step: (delta) => get().seek(get().index + delta),
  setPlaying: (playing) => set(playing && get().video ? { playing } : { playing: false, achievedFps: 0 }),
  setDisplayed: (displayedIndex) => set({ displayedIndex }),
  setAchievedFps: (achievedFps) => set({ achievedFps }),
});
