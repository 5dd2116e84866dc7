/**
 * The one keyboard listener: a capture-phase keydown on the window that runs the registry's
 * action for the key, whatever has the focus, unless the focus is in a text field (or in a dialog
 * other than the shortcut sheet, which handles its own keys). A key that ran an action does
 * nothing else (a focused select or button does not also take it).
 */
import { useEffect } from 'react';
import { isTextField } from './key-chord.ts';
import { runKey } from './registry.ts';

function inOtherDialog(t: EventTarget | null): boolean {
  return t instanceof Element && t.closest('[role="dialog"]:not([data-testid="shortcut-sheet"])') !== null;
}

export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.isComposing || isTextField(e.target) || inOtherDialog(e.target)) return;
      if (runKey(e)) {
        e.preventDefault();
        e.stopImmediatePropagation();
      }
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, []);
}
