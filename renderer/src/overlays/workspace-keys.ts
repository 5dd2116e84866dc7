/**
 * Review keys: M mask, C confidence, O flow, Shift+O flow arrows, D track diff, Shift+L flicker
 * (plain L is the editor's frame lock), K / Shift+K next / previous key frame, ] / [ next /
 * previous flicker spike. Pure mapping (keyAction) + dispatch (handleWorkspaceKey).
 */
import { nextKeyFrame, nextSpike } from '../timeline/timeline-keys.ts';
import { toggleOverlay, type OverlayName } from './overlay-actions.ts';

export type WorkspaceKeyAction = { kind: 'overlay'; name: OverlayName } | { kind: 'key-frame'; dir: 1 | -1 } | { kind: 'spike'; dir: 1 | -1 };

export function workspaceKeyAction(e: { key: string; shiftKey: boolean; ctrlKey: boolean; metaKey: boolean; altKey: boolean }): WorkspaceKeyAction | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  const k = e.key.toLowerCase();
  if (k === 'm' && !e.shiftKey) return { kind: 'overlay', name: 'mask' };
  if (k === 'c' && !e.shiftKey) return { kind: 'overlay', name: 'confidence' };
  if (k === 'o') return { kind: 'overlay', name: e.shiftKey ? 'flowArrows' : 'flow' };
  if (k === 'd' && !e.shiftKey) return { kind: 'overlay', name: 'diff' };
  if (k === 'l' && e.shiftKey) return { kind: 'overlay', name: 'flicker' };
  if (k === 'k') return { kind: 'key-frame', dir: e.shiftKey ? -1 : 1 };
  if (e.key === ']') return { kind: 'spike', dir: 1 };
  if (e.key === '[') return { kind: 'spike', dir: -1 };
  return null;
}

export function handleWorkspaceKey(e: KeyboardEvent): boolean {
  const a = workspaceKeyAction(e);
  if (!a) return false;
  if (a.kind === 'overlay') toggleOverlay(a.name);
  else if (a.kind === 'key-frame') nextKeyFrame(a.dir);
  else nextSpike(a.dir);
  return true;
}
