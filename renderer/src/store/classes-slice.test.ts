import test from 'node:test';
import assert from 'node:assert/strict';
import { createAppStore } from './app-store.ts';

const step = (label: string) => ({ label, before: [], after: [{ id: 0, name: label, color: [0, 0, 0] as [number, number, number] }] });

test('class steps: a new step drops the redo steps; undo and redo move the newest step', () => {
  const s = createAppStore();
  s.getState().pushClassStep(step('a'));
  s.getState().pushClassStep(step('b'));
  s.getState().moveClassStep('undo');
  assert.deepEqual([s.getState().classUndo.map((x) => x.label), s.getState().classRedo.map((x) => x.label)], [['a'], ['b']]);
  s.getState().moveClassStep('redo');
  assert.deepEqual(s.getState().classUndo.map((x) => x.label), ['a', 'b']);
  s.getState().moveClassStep('undo');
  s.getState().pushClassStep(step('c'));
  assert.deepEqual([s.getState().classUndo.map((x) => x.label), s.getState().classRedo], [['a', 'c'], []]);
  s.getState().setClassError('refused');
  s.getState().resetClassSteps();
  assert.deepEqual([s.getState().classUndo, s.getState().classError], [[], null]);
});
