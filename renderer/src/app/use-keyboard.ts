/** Keys: ←/→ one frame, Shift ten, Home/End, Space play/pause, F fit, 1 = 1:1. */
import { useEffect } from 'react';
import { appStore } from '../store/index.ts';
import { handleWorkspaceKey } from '../overlays/workspace-keys.ts';

function isTyping(t: EventTarget | null): boolean {
  return t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));
}

export function handleKey(e: KeyboardEvent): boolean {
  const s = appStore.getState();
  if (!s.video || e.ctrlKey || e.metaKey || e.altKey) return false;
  const step = (d: number) => {
    s.setPlaying(false);
    s.step(d);
  };
  switch (e.key) {
    case 'ArrowRight':
      step(e.shiftKey ? 10 : 1);
      return true;
    case 'ArrowLeft':
      step(e.shiftKey ? -10 : -1);
      return true;
    case 'Home':
      s.setPlaying(false);
      s.seek(0);
      return true;
    case 'End':
      s.setPlaying(false);
      s.seek(s.video.frameCount - 1);
      return true;
    case ' ':
      s.setPlaying(!s.playing);
      return true;
    case 'f':
    case 'F':
      s.fit();
      return true;
    case '1':
      s.oneToOne();
      return true;
    default:
      return false;
  }
}

export function useKeyboard(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target)) return;
      if (handleKey(e) || (appStore.getState().video !== null && handleWorkspaceKey(e))) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
