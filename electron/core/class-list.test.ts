import test from 'node:test';
import assert from 'node:assert/strict';
import { applyClassLut, checkClassList, classMapLut, defaultClassMap, nextFreeClassId, removedClassIds } from './class-list.ts';

const A = { id: 0, name: 'Road', color: [1, 2, 3] as [number, number, number] };
const B = { id: 1, name: 'Car', color: [4, 5, 6] as [number, number, number] };

test('checkClassList trims names and keeps the order', () => {
  assert.deepEqual(checkClassList([{ ...B, name: ' Car ' }, A], 255), [B, A]);
});

test('removedClassIds lists ids the new list drops', () => {
  assert.deepEqual(removedClassIds([A, B], [B]), [0]);
});

test('nextFreeClassId skips used ids and the void id', () => {
  assert.equal(nextFreeClassId([A, B], 2), 3);
  assert.equal(nextFreeClassId(Array.from({ length: 255 }, (_, i) => ({ ...A, id: i })), 255), null);
});

test('defaultClassMap maps by name, then by id, else to the void id; identity left out', () => {
  const model = [
    { id: 0, name: 'car', color: [0, 0, 0] as [number, number, number] },
    { id: 1, name: 'Road', color: [0, 0, 0] as [number, number, number] },
    { id: 5, name: 'Sky', color: [0, 0, 0] as [number, number, number] },
    { id: 3, name: 'Tree', color: [0, 0, 0] as [number, number, number] },
  ];
  const project = [A, B, { id: 3, name: 'Bush', color: [0, 0, 0] as [number, number, number] }];
  assert.deepEqual(defaultClassMap(model, project, 11), { '0': 1, '1': 0, '5': 11 });
});

test('classMapLut is null for an empty map; applyClassLut rewrites ids in place', () => {
  assert.equal(classMapLut({}), null);
  const data = Uint8Array.of(0, 1, 2, 255);
  applyClassLut(data, classMapLut({ '0': 7, '2': 255 })!);
  assert.deepEqual([...data], [7, 1, 255, 255]);
});
