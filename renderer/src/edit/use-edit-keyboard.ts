/**
 * Editing keys (see tool-keys.ts and docs/workspace.md). A capture listener on window, so a digit
 * that picks a class while a tool is active does not also reach the viewer's "1 = 1:1".
 */
import { useEffect } from 'react';
import { appStore } from '../store/index.ts';
import { editing } from './editing.ts';
import { editKeyAction, stepBrush } from './tool-keys.ts';

function isTyping(t: EventTarget | null): boolean {
  return t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));
}

export function handleEditKey(e: KeyboardEvent): boolean {
  const s = appStore.getState();
  if (!s.project || !s.video) return false;
  const a = editKeyAction(e, s.tool !== null);
  if (!a) return false;
  switch (a.kind) {
    case 'tool':
      s.setTool(s.tool === a.tool ? null : a.tool);
      return true;
    case 'class': {
      const c = s.project.classes[a.id];
      if (c) s.setClassId(c.id);
      return true;
    }
    case 'brush':
      s.setBrushRadius(stepBrush(s.brushRadius, a.delta));
      return true;
    case 'undo':
      editing.undo();
      return true;
    case 'redo':
      editing.redo();
      return true;
    case 'lock':
      void editing.toggleLock(s.index);
      return true;
    case 'enter':
      if (s.tool !== 'polygon') return false;
      editing.closePolygon(s.index);
      return true;
    case 'escape':
      if (editing.session()?.stroking) editing.cancelStroke(s.index);
      else if (s.polygon.length > 0) s.setPolygon([]);
      else s.setTool(null);
      return true;
  }
}

export function useEditKeyboard(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (isTyping(e.target)) return;
      if (handleEditKey(e)) {
        e.preventDefault();
        e.stopImmediatePropagation();
      }
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, []);
}
