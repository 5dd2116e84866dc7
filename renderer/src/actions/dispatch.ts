/**
 * The registry's pure half: which action a key event runs, how an action's keys are shown, the
 * plain-data list that menus read.
 */
import type { AppState } from '../store/app-store.ts';
import { chordAccelerator, chordLabel, matchesChord, parseChord, type KeyLike } from './key-chord.ts';
import type { Action, ActionGroup } from './types.ts';

/** What a menu (in the page, or the desktop app's) needs of an action. */
export interface ActionItem {
  id: string;
  label: string;
  group: ActionGroup;
  /** Keys as shown ("Ctrl+Shift+Z, Ctrl+Y"); empty when the action has none. */
  key: string;
  /** Electron accelerator of the first key ("CmdOrCtrl+Shift+Z"); empty when none. */
  accelerator: string;
  enabled: boolean;
  /** Toggles only. */
  checked?: boolean;
}

export const isEnabled = (a: Action, s: AppState): boolean => a.enabled?.(s) ?? true;

/** The first enabled action bound to the key, and which of its bindings matched. */
export function actionForKey(actions: readonly Action[], e: KeyLike, s: AppState): { action: Action; binding: number } | null {
  for (const action of actions) {
    const binding = (action.keys ?? []).findIndex((k) => matchesChord(parseChord(k), e));
    if (binding >= 0 && isEnabled(action, s)) return { action, binding };
  }
  return null;
}

export function keysLabel(a: Action, mac = false): string {
  return a.keyHint ?? (a.keys ?? []).map((k) => chordLabel(parseChord(k), mac)).join(', ');
}

/** "Label (keys)", for tooltips. */
export function actionTitle(a: Action, mac = false): string {
  const k = keysLabel(a, mac);
  return k ? `${a.label} (${k})` : a.label;
}

export function actionItems(actions: readonly Action[], s: AppState, mac = false): ActionItem[] {
  return actions.map((a) => ({
    id: a.id,
    label: a.label,
    group: a.group,
    key: keysLabel(a, mac),
    accelerator: a.keys?.[0] ? chordAccelerator(parseChord(a.keys[0])) : '',
    enabled: isEnabled(a, s),
    ...(a.checked ? { checked: a.checked(s) } : {}),
  }));
}

