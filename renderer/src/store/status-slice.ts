import type { StateCreator } from 'zustand';
import type { AppState } from './app-store.ts';
import type { LinkState } from '../client/browser-bridge.ts';
import type { SaveState } from '../client/outbox.ts';

export interface StatusMessage {
  level: 'info' | 'warning' | 'error';
  text: string;
}

export interface StatusSlice {
  status: StatusMessage | null;
  /** The connection to the backend and the edits it has not acknowledged yet (status bar). */
  link: LinkState;
  save: SaveState;
  /** The frame the viewer could not load (after its retries), shown on the frame. */
  frameError: { index: number; message: string } | null;
  /** Increases to ask the viewer to load a failed frame again. */
  frameRetry: number;
  notify(level: StatusMessage['level'], text: string): void;
  clearStatus(): void;
  setLink(link: LinkState): void;
  setSave(save: SaveState): void;
  setFrameError(e: StatusSlice['frameError']): void;
  retryFrames(): void;
}

/** Messages are always shown as one line. */
export function oneLine(text: string): string {
  return (text.split('\n')[0] ?? '').trim().slice(0, 300);
}

export const createStatusSlice: StateCreator<AppState, [], [], StatusSlice> = (set) => ({
  status: null,
  link: 'connecting',
  save: { pending: 0, failed: null, storeProblem: null, sent: 0 },
  notify: (level, text) => set({ status: { level, text: oneLine(text) } }),
  clearStatus: () => set({ status: null }),
  setLink: (link) => set({ link }),
  setSave: (save) => set({ save }),
  frameError: null,
  frameRetry: 0,
  setFrameError: (frameError) => set({ frameError }),
  retryFrames: () => set((s) => ({ frameRetry: s.frameRetry + 1, frameError: null })),
});
