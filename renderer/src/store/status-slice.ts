import type { StateCreator } from 'zustand';
import type { AppState } from './app-store.ts';

export interface StatusMessage {
  level: 'info' | 'warning' | 'error';
  text: string;
}

export interface StatusSlice {
  status: StatusMessage | null;
  notify(level: StatusMessage['level'], text: string): void;
  clearStatus(): void;
}

/** Messages are always shown as one line. */
export function oneLine(text: string): string {
  return (text.split('\n')[0] ?? '').trim().slice(0, 300);
}

export const createStatusSlice: StateCreator<AppState, [], [], StatusSlice> = (set) => ({
  status: null,
  notify: (level, text) => set({ status: { level, text: oneLine(text) } }),
  clearStatus: () => set({ status: null }),
});
