import { test } from 'node:test';
import assert from 'node:assert/strict';
import { editKeyAction, stepBrush, type KeyLike } from './tool-keys.ts';
import { classPalette } from '../../../electron/core/palette.ts';
import { paintLabels } from './label-paint.ts';

const key = (key: string, over: Partial<KeyLike> = {}): KeyLike => ({ key, code: '', ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...over });

test('tool letters, undo/redo chords, and digits only while a tool is active', () => {
  assert.deepEqual(editKeyAction(key('b'), false), { kind: 'tool', tool: 'brush' });
  assert.deepEqual(editKeyAction(key('G'), false), { kind: 'tool', tool: 'fill' });
  assert.deepEqual(editKeyAction(key('z', { ctrlKey: true }), false), { kind: 'undo' });
  assert.deepEqual(editKeyAction(key('Z', { ctrlKey: true, shiftKey: true }), false), { kind: 'redo' });
  assert.deepEqual(editKeyAction(key('y', { metaKey: true }), false), { kind: 'redo' });
  assert.equal(editKeyAction(key('1', { code: 'Digit1' }), false), null, '1 stays 1:1 without a tool');
  assert.deepEqual(editKeyAction(key('1', { code: 'Digit1' }), true), { kind: 'class', id: 0 });
  assert.deepEqual(editKeyAction(key('0', { code: 'Digit0' }), true), { kind: 'class', id: 9 });
  assert.deepEqual(editKeyAction(key('!', { code: 'Digit1', shiftKey: true }), true), { kind: 'class', id: 10 });
  assert.deepEqual(editKeyAction(key('='), true), { kind: 'brush', delta: 1 });
  assert.equal(editKeyAction(key('['), true), null, '[ and ] belong to flicker navigation');
});

test('brush steps always move by at least one pixel', () => {
  assert.equal(stepBrush(1, 1), 2);
  assert.equal(stepBrush(2, -1), 1);
  assert.equal(stepBrush(100, 1), 115);
});

test('painting colours classes, leaves void and hidden classes transparent, and honours the rectangle', () => {
  const pal = classPalette([{ id: 0, color: [10, 20, 30] }, { id: 1, color: [1, 2, 3] }], { ignoreIndex: 255, hidden: [1] });
  const labels = { width: 3, height: 1, data: Uint8Array.from([0, 1, 255]) };
  const out = new Uint8ClampedArray(12);
  paintLabels(labels, pal, out);
  assert.deepEqual([...out], [10, 20, 30, 255, 0, 0, 0, 0, 0, 0, 0, 0]);
  const part = new Uint8ClampedArray(12).fill(9);
  paintLabels(labels, pal, part, { x0: 1, y0: 0, x1: 2, y1: 1 });
  assert.deepEqual([...part.slice(0, 4)], [9, 9, 9, 9]);
});
