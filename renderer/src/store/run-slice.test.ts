import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createAppStore } from './app-store.ts';
import { settingsForMode } from '../../../electron/core/engine-settings.ts';
import { DEFAULT_RUN_FORM } from './run-slice.ts';

// The panel's defaults and what it sends come from the engine settings table (core/engine-settings.ts):
// maxInterval has no constant default (twice the target interval) and fusion weights have defaults.
test('only the chosen mode settings are sent', () => {
  const s = DEFAULT_RUN_FORM.settings;
  assert.deepEqual(settingsForMode('per-frame', s), { executionProvider: 'cpu' });
  assert.deepEqual(settingsForMode('dff', s), { executionProvider: 'cpu', preset: 'ultrafast', keyInterval: 5 });
  assert.deepEqual(settingsForMode('adaptive', { ...s, threshold: 0.3 }), { executionProvider: 'cpu', preset: 'ultrafast', targetInterval: 5, threshold: 0.3 });
  assert.deepEqual(settingsForMode('fused', s), { executionProvider: 'cpu', preset: 'ultrafast', fusion: 'bidirectional', window: 8, fuseCurrent: 1, fusePrevious: 1.5 });
  assert.deepEqual(settingsForMode('adaptive', { ...s, lowLatency: true, maxInterval: 12 }), { executionProvider: 'cpu', preset: 'ultrafast', targetInterval: 5, maxInterval: 12, lowLatency: true });
  assert.deepEqual(settingsForMode('fused', { ...s, fusion: 'causal', fuseCurrent: 2, fusePrevious: 0 }), { executionProvider: 'cpu', preset: 'ultrafast', fusion: 'causal', fuseCurrent: 2, fusePrevious: 0 });
  assert.deepEqual(settingsForMode('dff', { ...s, lowLatency: true, fuseCurrent: 2 }), { executionProvider: 'cpu', preset: 'ultrafast', keyInterval: 5, lowLatency: true });
  assert.deepEqual(settingsForMode('per-frame', { ...s, lowLatency: true, keyInterval: 3 }), { executionProvider: 'cpu' });
});

test('progress updates only the run it belongs to', () => {
  const store = createAppStore();
  store.getState().setActiveRun({ runId: 'r1', projectId: 'p', trackId: 't', progress: null });
  store.getState().setRunProgress('other', { done: 5, total: 10, fps: 1, etaSec: 5 }, 't');
  assert.equal(store.getState().activeRun?.progress, null);
  store.getState().setRunProgress('r1', { done: 5, total: 10, fps: 1, etaSec: 5 }, 't2');
  assert.equal(store.getState().activeRun?.progress?.done, 5);
  assert.equal(store.getState().activeRun?.trackId, 't2');
  store.getState().setSwipe(3);
  assert.equal(store.getState().swipe, 1);
});
