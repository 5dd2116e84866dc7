/** Whether keyboard input goes to a text field (input, textarea, select or editable content), not to the app. */
export function isTyping(t: EventTarget | null): boolean {
  return typeof HTMLElement !== 'undefined' && t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));
}
