/**
 * Key chords (pure): "Shift+ArrowRight", "Mod+Shift+Z", "?", "1". `Mod` is Ctrl, or Cmd on a
 * Mac. Letters match case-insensitively, digits by their physical key (so Shift+1 is not "!"),
 * and a punctuation key ("?", "[", "+") matches whatever Shift it took to type it.
 */

export interface KeyLike {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

export interface Chord {
  /** Key name as in KeyboardEvent.key (letters lower-case), or a digit "0".."9". */
  key: string;
  mod: boolean;
  shift: boolean;
  alt: boolean;
}

const NAMED: Record<string, string> = { Space: ' ', Plus: '+', Minus: '-' };

/** Parses "Mod+Shift+Z"; throws on an empty key (a programming error, caught by the tests). */
export function parseChord(text: string): Chord {
  const parts = text === '+' ? ['+'] : text.split('+');
  const key = parts.pop() ?? '';
  if (!key) throw new Error(`bad key chord "${text}"`);
  const has = (m: string) => parts.includes(m);
  const named = NAMED[key] ?? key;
  return { key: named.length === 1 ? named.toLowerCase() : named, mod: has('Mod'), shift: has('Shift'), alt: has('Alt') };
}

const isDigit = (k: string) => k.length === 1 && k >= '0' && k <= '9';
const isLetter = (k: string) => k.length === 1 && k.toLowerCase() !== k.toUpperCase();

/** The digit of a physical digit key (top row or keypad), else null. */
function digitOf(e: KeyLike): string | null {
  return /^(?:Digit|Numpad)([0-9])$/.exec(e.code)?.[1] ?? (isDigit(e.key) ? e.key : null);
}

export function matchesChord(c: Chord, e: KeyLike): boolean {
  if (c.mod !== (e.ctrlKey || e.metaKey) || c.alt !== e.altKey) return false;
  if (isDigit(c.key)) return c.shift === e.shiftKey && digitOf(e) === c.key;
  if (isLetter(c.key) || c.key.length > 1) return c.shift === e.shiftKey && e.key.toLowerCase() === c.key.toLowerCase();
  // Punctuation: the character itself says whether Shift was needed.
  return e.key === c.key;
}

const SHOWN: Record<string, string> = { ' ': 'Space', ArrowRight: '→', ArrowLeft: '←', ArrowUp: '↑', ArrowDown: '↓', Escape: 'Esc' };

/** How a chord is shown to the user ("Ctrl+Shift+Z", "Shift+→", "?"). */
export function chordLabel(c: Chord, mac = false): string {
  const mods = [c.mod ? (mac ? 'Cmd' : 'Ctrl') : '', c.alt ? 'Alt' : '', c.shift ? 'Shift' : ''].filter(Boolean);
  const key = SHOWN[c.key] ?? (c.key.length === 1 ? c.key.toUpperCase() : c.key);
  return [...mods, key].join('+');
}

/** The chord as an Electron menu accelerator ("CmdOrCtrl+Shift+Z"). */
export function chordAccelerator(c: Chord): string {
  const names: Record<string, string> = { ' ': 'Space', ArrowRight: 'Right', ArrowLeft: 'Left', ArrowUp: 'Up', ArrowDown: 'Down', Escape: 'Esc', '+': 'Plus' };
  const mods = [c.mod ? 'CmdOrCtrl' : '', c.alt ? 'Alt' : '', c.shift ? 'Shift' : ''].filter(Boolean);
  return [...mods, names[c.key] ?? (c.key.length === 1 ? c.key.toUpperCase() : c.key)].join('+');
}

/**
 * Whether a key event belongs to a text field (where keys type text, not run shortcuts): text-like
 * inputs, text areas and editable content. Selects, buttons, sliders and checkboxes are not.
 */
export function isTextField(t: EventTarget | null): boolean {
  if (typeof HTMLElement === 'undefined' || !(t instanceof HTMLElement)) return false;
  if (t.isContentEditable || t.tagName === 'TEXTAREA') return true;
  if (t.tagName !== 'INPUT') return false;
  const type = (t as HTMLInputElement).type;
  return !['button', 'checkbox', 'radio', 'range', 'color', 'file', 'submit', 'reset', 'image'].includes(type);
}
