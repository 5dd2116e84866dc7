import test from 'node:test';
import assert from 'node:assert/strict';
import { checkSettings, defaultTrackName, ENGINE_SETTINGS, engineSettingsSchema, settingsForMode, SETTING_DEFAULTS, SETTING_KEYS, uniqueName } from './engine-settings.ts';

test('default track names say the mode and its main setting, with table defaults', () => {
  assert.equal(defaultTrackName('per-frame', {}), 'per-frame');
  assert.equal(defaultTrackName('dff', { keyInterval: 3 }), 'dff K=3');
  assert.equal(defaultTrackName('dff', {}), `dff K=${ENGINE_SETTINGS.keyInterval.default}`);
  assert.equal(defaultTrackName('dff', { keyInterval: 5, lowLatency: true }), 'dff K=5 low-latency');
  assert.equal(defaultTrackName('adaptive', { targetInterval: 8 }), 'adaptive T=8');
  assert.equal(defaultTrackName('adaptive', { targetInterval: 8, lowLatency: true }), 'adaptive T=8 low-latency');
  assert.equal(defaultTrackName('adaptive', { threshold: 0.3 }), 'adaptive thr=0.3');
  assert.equal(defaultTrackName('fused', {}), 'fused (bidirectional)');
});

test('unique names count up, ignoring case', () => {
  assert.equal(uniqueName('dff K=5', []), 'dff K=5');
  assert.equal(uniqueName('dff K=5', ['DFF k=5', 'dff K=5 (2)']), 'dff K=5 (3)');
});

test('every default lies inside its own range and choices', () => {
  for (const k of SETTING_KEYS) {
    const v = SETTING_DEFAULTS[k];
    if (v !== undefined) assert.doesNotThrow(() => checkSettings({ [k]: v }, (key) => key), k);
  }
});

test('ranges: threshold must be > 0, window ≤ 256, maxInterval ≤ 10000 (the engine and the app agree)', () => {
  const where = (k: string) => `settings.${k}`;
  assert.throws(() => checkSettings({ threshold: 0 }, where), /settings\.threshold must be > 0, got 0/);
  assert.deepEqual(checkSettings({ window: 256, maxInterval: 10000 }, where), { window: 256, maxInterval: 10000 });
  assert.throws(() => checkSettings({ window: 257 }, where), /window must be ≤ 256/);
  assert.throws(() => checkSettings({ fuseCurrent: 0 }, where), /fuseCurrent must be > 0/);
  assert.throws(() => engineSettingsSchema.parse([], 'req.settings'), /req\.settings must be an object/);
});

test('settingsForMode keeps what the mode reads; window only with bidirectional fusion', () => {
  const all = { ...SETTING_DEFAULTS, threshold: 0.3, lowLatency: true };
  assert.deepEqual(settingsForMode('per-frame', all), { executionProvider: 'cpu' });
  assert.deepEqual(settingsForMode('dff', all), { keyInterval: 5, lowLatency: true, preset: 'ultrafast', flowScale: 0.25, executionProvider: 'cpu' });
  assert.deepEqual(Object.keys(settingsForMode('adaptive', all)).sort(), ['executionProvider', 'flowScale', 'lowLatency', 'preset', 'targetInterval', 'threshold']);
  assert.equal(settingsForMode('fused', all).window, 8);
  assert.equal(settingsForMode('fused', { ...all, fusion: 'causal' }).window, undefined);
});
