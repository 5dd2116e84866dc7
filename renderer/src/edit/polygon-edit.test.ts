import test from 'node:test';
import assert from 'node:assert/strict';
import { deleteVertex, edgeAt, moveVertex, pressPolygon, vertexAt } from './polygon-edit.ts';

const square = [{ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 10, y: 10 }, { x: 0, y: 10 }];

test('a press on a vertex selects it and starts dragging it', () => {
  const r = pressPolygon({ points: square, selected: null }, { x: 10.5, y: 9.6 }, 1, 1, false);
  assert.deepEqual([r.selected, r.drag, r.close], [2, 2, false]);
  assert.equal(r.points, square, 'the vertices are unchanged');
  assert.deepEqual(moveVertex(r.points, 2, { x: 12, y: 12 })[2], { x: 12, y: 12 });
});

test('a press on an edge inserts a vertex on it, the closing edge included', () => {
  const top = pressPolygon({ points: square, selected: null }, { x: 5, y: 0.4 }, 1, 1, false);
  assert.deepEqual(top.points.map((p) => [p.x, p.y]), [[0, 0], [5, 0], [10, 0], [10, 10], [0, 10]]);
  assert.deepEqual([top.selected, top.drag], [1, 1]);
  const closing = pressPolygon({ points: square, selected: null }, { x: -0.5, y: 5 }, 1, 1, false);
  assert.deepEqual(closing.points[4], { x: 0, y: 5 });
  assert.equal(edgeAt(square.slice(0, 2), { x: 5, y: 5 }, 1), null, 'an open two-point line has no closing edge');
});

test('Alt-press deletes the vertex under the pointer; a press elsewhere adds a vertex at the end', () => {
  const del = pressPolygon({ points: square, selected: 1 }, { x: 0.2, y: 0.2 }, 1, 1, true);
  assert.deepEqual(del.points, square.slice(1));
  assert.equal(del.selected, null);
  assert.deepEqual(pressPolygon({ points: square, selected: null }, { x: 5, y: 5 }, 1, 1, true).points, square, 'Alt away from a vertex does nothing');
  const add = pressPolygon({ points: square, selected: null }, { x: 5, y: 5 }, 1, 1, false);
  assert.deepEqual(add.points[4], { x: 5, y: 5 });
  assert.equal(add.selected, 4);
});

test('a double-click closes; helpers pick the nearest vertex and delete by index', () => {
  assert.equal(pressPolygon({ points: square, selected: null }, { x: 5, y: 5 }, 1, 2, false).close, true);
  assert.equal(vertexAt(square, { x: 5, y: 5 }, 1), -1);
  assert.equal(vertexAt(square, { x: 9.8, y: 0.1 }, 1), 1);
  assert.deepEqual(deleteVertex(square, 0), square.slice(1));
});
