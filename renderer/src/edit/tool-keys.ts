/**
 * Editing keys (pure: a key event in, an action out). Digits pick classes only while a tool is
 * active (otherwise "1" keeps meaning 1:1 zoom).
 */
import type { EditTool } from '../store/edit-slice.ts';

export type EditKeyAction =
  | { kind: 'tool'; tool: EditTool | null }
  | { kind: 'class'; id: number }
  | { kind: 'brush'; delta: number }
  | { kind: 'undo' }
  | { kind: 'redo' }
  | { kind: 'enter' }
  | { kind: 'escape' }
  | { kind: 'lock' };

export interface KeyLike {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

const TOOL_KEYS: Record<string, EditTool> = { b: 'brush', e: 'eraser', p: 'polygon', g: 'fill', i: 'picker' };

export function editKeyAction(e: KeyLike, toolActive: boolean): EditKeyAction | null {
  const mod = e.ctrlKey || e.metaKey;
  const k = e.key.toLowerCase();
  if (mod && !e.altKey) {
    if (k === 'z') return e.shiftKey ? { kind: 'redo' } : { kind: 'undo' };
    if (k === 'y') return { kind: 'redo' };
    return null;
  }
  if (e.altKey) return null;
  if (!e.shiftKey && TOOL_KEYS[k]) return { kind: 'tool', tool: TOOL_KEYS[k]! };
  if (!e.shiftKey && k === 'l') return { kind: 'lock' };
  if (!toolActive) return null;
  const digit = /^Digit([0-9])$/.exec(e.code)?.[1] ?? /^Numpad([0-9])$/.exec(e.code)?.[1];
  if (digit !== undefined) {
    const n = digit === '0' ? 9 : Number(digit) - 1;
    return { kind: 'class', id: n + (e.shiftKey ? 10 : 0) };
  }
  if (e.key === '-' || e.key === '_') return { kind: 'brush', delta: -1 };
  if (e.key === '=' || e.key === '+') return { kind: 'brush', delta: 1 };
  if (e.key === 'Enter') return { kind: 'enter' };
  if (e.key === 'Escape') return { kind: 'escape' };
  return null;
}

/** Brush radius after one step of -/= or Alt+wheel (about 15% per step, at least 1 px). */
export function stepBrush(r: number, delta: number): number {
  return delta > 0 ? Math.max(r + 1, Math.round(r * 1.15)) : Math.min(r - 1, Math.round(r / 1.15));
}
