import { useStore } from 'zustand';
import { createAppStore, type AppState } from './app-store.ts';

export const appStore = createAppStore();

/** Select one value (use useShallow from zustand/shallow for objects and arrays). */
export function useApp<T>(selector: (s: AppState) => T): T {
  return useStore(appStore, selector);
}
