/** One user action: what it is called, its keys, when it can run, and what it does. */
import type { AppState } from '../store/app-store.ts';

export type ActionGroup = 'Playback' | 'View' | 'Overlays' | 'Editing' | 'Project' | 'Help';

export interface Trigger {
  /** Index of the key binding that fired (0 for buttons and menus). */
  binding: number;
  source: 'key' | 'button' | 'menu';
}

export interface Action {
  id: string;
  label: string;
  group: ActionGroup;
  /** Key chords (key-chord.ts), the first one shown first. */
  keys?: readonly string[];
  /** How the keys are shown when listing each would be too long ("1…0"). */
  keyHint?: string;
  /** Absent: always enabled. */
  enabled?(s: AppState): boolean;
  /** For toggles: whether it is on (menus show a check, a key press says "on" / "off"). */
  checked?(s: AppState): boolean;
  perform(s: AppState, t: Trigger): void;
}

export const hasVideo = (s: AppState): boolean => s.video !== null;
export const hasProject = (s: AppState): boolean => s.project !== null;
