import type { StateCreator } from 'zustand';
import type { RecentItem, VideoInfo } from '../../../electron/shared/contract.ts';
import type { AppState } from './app-store.ts';

export interface VideoSlice {
  video: VideoInfo | null;
  recent: RecentItem[];
  opening: boolean;
  setVideo(video: VideoInfo | null): void;
  setRecent(items: RecentItem[]): void;
  setOpening(opening: boolean): void;
}

export const createVideoSlice: StateCreator<AppState, [], [], VideoSlice> = (set) => ({
  video: null,
  recent: [],
  opening: false,
  // A new video starts at frame 0, paused, fitted.
  setVideo: (video) => set({ video, index: 0, playing: false, displayedIndex: -1, viewMode: 'fit' }),
  setRecent: (recent) => set({ recent }),
  setOpening: (opening) => set({ opening }),
});
