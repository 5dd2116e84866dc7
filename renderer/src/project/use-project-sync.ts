import { useEffect } from 'react';
import { startProjectSync } from './project-sync.ts';

/** Starts the project sync for the app's lifetime. */
export function useProjectSync(): void {
  useEffect(() => startProjectSync(), []);
}
