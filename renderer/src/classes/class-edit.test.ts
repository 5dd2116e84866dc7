import test from 'node:test';
import assert from 'node:assert/strict';
import { checkClassList } from '../../../electron/core/class-list.ts';
import { freshColor, freshName, fromHex, toHex, withColor, withName, withNewClass, without } from './class-edit.ts';

const LIST = [
  { id: 0, name: 'Road', color: [128, 64, 128] as [number, number, number] },
  { id: 2, name: 'Class 3', color: [0, 0, 0] as [number, number, number] },
];

test('rename, recolour and remove touch only the named class', () => {
  assert.deepEqual(withName(LIST, 2, 'Car')[1], { id: 2, name: 'Car', color: [0, 0, 0] });
  assert.deepEqual(withColor(LIST, 0, [1, 2, 3])[0]!.color, [1, 2, 3]);
  assert.deepEqual(without(LIST, 0).map((c) => c.id), [2]);
  assert.equal(LIST[1]!.name, 'Class 3', 'the input list is not changed');
});

test('a new class takes the next free id (not the void id) and a name no class has', () => {
  const next = withNewClass(LIST, 1)!;
  assert.deepEqual([next[2]!.id, next[2]!.name], [3, 'Class 4']);
  assert.equal(freshName(LIST), 'Class 4');
  assert.doesNotThrow(() => checkClassList(next, 1));
  assert.equal(withNewClass(Array.from({ length: 255 }, (_, id) => ({ id, name: `c${id}`, color: [0, 0, 0] as [number, number, number] })), 255), null);
});

test('fresh colours are valid and differ from one class to the next', () => {
  const a = freshColor(LIST);
  const b = freshColor([...LIST, { id: 3, name: 'x', color: a }]);
  for (const v of [...a, ...b]) assert.ok(Number.isInteger(v) && v >= 0 && v <= 255);
  assert.notDeepEqual(a, b);
});

test('hex colours convert both ways; bad hex is null', () => {
  assert.equal(toHex([255, 8, 0]), '#ff0800');
  assert.deepEqual(fromHex('#FF0800'), [255, 8, 0]);
  assert.equal(fromHex('red'), null);
});
