/**
 * The one action registry: every user action (name, keys, enabled, perform) behind the keyboard,
 * the toolbar and panel buttons, the shortcut sheet and the desktop menu. Order matters only for
 * actions sharing a key, which are never enabled together (Escape closes the sheet before it
 * puts a tool down; digits pick classes while a tool is active and mean 1:1 otherwise).
 *
 * Desktop menus: `menuItems()` returns plain data ({ id, label, group, key, accelerator,
 * enabled, checked }) and `runAction(id, 'menu')` performs one.
 */
import { appStore } from '../store/index.ts';
import { EDIT_ACTIONS } from './edit-actions.ts';
import { PLAYBACK_ACTIONS } from './playback-actions.ts';
import { VIEW_ACTIONS } from './view-actions.ts';
import { actionForKey, actionItems, actionTitle, isEnabled, keysLabel, type ActionItem } from './dispatch.ts';
import type { KeyLike } from './key-chord.ts';
import type { Action, Trigger } from './types.ts';

export type { Action, ActionItem };

export const ACTIONS: readonly Action[] = [...VIEW_ACTIONS, ...EDIT_ACTIONS, ...PLAYBACK_ACTIONS];

const byId = new Map(ACTIONS.map((a) => [a.id, a]));

export function action(id: string): Action {
  const a = byId.get(id);
  if (!a) throw new Error(`no action "${id}"`);
  return a;
}

const isMac = (): boolean => typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** A toggle run from the keyboard says what it did (the button it flips may be out of sight). */
function feedback(a: Action, t: Trigger): void {
  const s = appStore.getState();
  if (t.source === 'button' || !a.checked) return;
  s.notify('info', `${a.label}: ${a.checked(s) ? 'on' : 'off'} (${keysLabel(a, isMac())})`);
}

function perform(a: Action, t: Trigger): boolean {
  const s = appStore.getState();
  if (!isEnabled(a, s)) return false;
  a.perform(s, t);
  feedback(a, t);
  return true;
}

/** Runs an action by id if it is enabled; returns whether it ran. */
export function runAction(id: string, source: Trigger['source'] = 'button'): boolean {
  return perform(action(id), { binding: 0, source });
}

/** Runs the action bound to a key event; returns whether one ran. */
export function runKey(e: KeyLike): boolean {
  const hit = actionForKey(ACTIONS, e, appStore.getState());
  return hit ? perform(hit.action, { binding: hit.binding, source: 'key' }) : false;
}

export function menuItems(): ActionItem[] {
  return actionItems(ACTIONS, appStore.getState(), isMac());
}

export function titleOf(id: string): string {
  return actionTitle(action(id), isMac());
}
