import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chordAccelerator, chordLabel, matchesChord, parseChord, type KeyLike } from './key-chord.ts';

const ev = (key: string, over: Partial<KeyLike> = {}): KeyLike => ({ key, code: '', ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...over });

test('letters match either case but Shift must agree', () => {
  const o = parseChord('O');
  assert.ok(matchesChord(o, ev('o')));
  assert.ok(!matchesChord(o, ev('O', { shiftKey: true })));
  assert.ok(matchesChord(parseChord('Shift+O'), ev('O', { shiftKey: true })));
});

test('Mod is Ctrl or Cmd, and must be present exactly when asked for', () => {
  const undo = parseChord('Mod+Z');
  assert.ok(matchesChord(undo, ev('z', { ctrlKey: true })));
  assert.ok(matchesChord(undo, ev('z', { metaKey: true })));
  assert.ok(!matchesChord(undo, ev('z')));
  assert.ok(!matchesChord(parseChord('Z'), ev('z', { ctrlKey: true })));
  assert.ok(matchesChord(parseChord('Mod+Shift+Z'), ev('Z', { ctrlKey: true, shiftKey: true })));
});

test('digits match the physical key, so Shift+1 is not "!" and the keypad counts', () => {
  assert.ok(matchesChord(parseChord('1'), ev('1', { code: 'Digit1' })));
  assert.ok(matchesChord(parseChord('1'), ev('1', { code: 'Numpad1' })));
  assert.ok(matchesChord(parseChord('Shift+1'), ev('!', { code: 'Digit1', shiftKey: true })));
  assert.ok(!matchesChord(parseChord('1'), ev('!', { code: 'Digit1', shiftKey: true })));
});

test('punctuation matches the typed character whatever Shift it needed', () => {
  assert.ok(matchesChord(parseChord('?'), ev('?', { shiftKey: true })));
  assert.ok(matchesChord(parseChord(']'), ev(']')));
  assert.ok(matchesChord(parseChord('Plus'), ev('+', { shiftKey: true })));
  assert.ok(!matchesChord(parseChord('?'), ev('/')));
});

test('named keys, labels and accelerators', () => {
  assert.ok(matchesChord(parseChord('Shift+ArrowRight'), ev('ArrowRight', { shiftKey: true })));
  assert.ok(matchesChord(parseChord('Space'), ev(' ')));
  assert.equal(chordLabel(parseChord('Mod+Shift+Z')), 'Ctrl+Shift+Z');
  assert.equal(chordLabel(parseChord('Mod+Z'), true), 'Cmd+Z');
  assert.equal(chordLabel(parseChord('Shift+ArrowRight')), 'Shift+→');
  assert.equal(chordLabel(parseChord('Space')), 'Space');
  assert.equal(chordAccelerator(parseChord('Mod+Shift+Z')), 'CmdOrCtrl+Shift+Z');
  assert.equal(chordAccelerator(parseChord('ArrowLeft')), 'Left');
  assert.throws(() => parseChord('Shift+'));
});
