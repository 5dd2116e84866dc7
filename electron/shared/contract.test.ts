import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isRequestName, REQUEST_NAMES, requestValidators, type ProjectView } from './contract.ts';
import { ValidationError } from '../core/errors.ts';

/** Runs a validator and returns its one-line error message (fails if it accepts the input). */
function rejects(name: keyof typeof requestValidators, req: unknown): string {
  try {
    requestValidators[name](req, name);
  } catch (e) {
    assert.ok(e instanceof ValidationError, `${name} threw a ValidationError`);
    assert.ok(!e.message.includes('\n'), 'one line');
    return e.message;
  }
  assert.fail(`${name} accepted ${JSON.stringify(req)}`);
}

const view: ProjectView = {
  overlays: { mask: true, flow: false, flowArrows: false, diff: false, flicker: false, confidence: false },
  opacity: 0.5,
  hiddenClasses: [3],
  zoom: 1,
  panX: 0,
  panY: 0,
  trackId: null,
  compareTrackId: null,
  compareMode: 'off',
};

test('every request name has a validator and only those names are requests', () => {
  assert.ok(REQUEST_NAMES.length > 10);
  for (const n of REQUEST_NAMES) assert.equal(typeof requestValidators[n], 'function');
  assert.equal(isRequestName('video.open'), true);
  assert.equal(isRequestName('__proto__'), false);
  assert.equal(isRequestName('toString'), false);
  assert.equal(isRequestName(42), false);
});

test('video requests: paths and indices are checked, messages name the field', () => {
  assert.deepEqual(requestValidators['video.open']({ path: '/a/b.mp4', extra: 1 }, 'video.open'), { path: '/a/b.mp4' });
  assert.match(rejects('video.open', { path: 3 }), /video\.open\.path must be a string/);
  assert.match(rejects('video.open', { path: '' }), /must not be empty/);
  assert.match(rejects('video.open', { path: 'a\0b' }), /NUL/);
  assert.match(rejects('video.open', { path: 'x'.repeat(5000) }), /too long/);
  assert.match(rejects('video.open', null), /must be an object/);
  assert.match(rejects('video.playhead', { videoId: 'v', index: -1, direction: 1 }), /index must be ≥ 0/);
  assert.match(rejects('video.playhead', { videoId: 'v', index: 1.5, direction: 1 }), /index must be an integer/);
  assert.match(rejects('video.playhead', { videoId: 'v', index: 2, direction: 2 }), /direction must be one of/);
});

test('ids reject traversal and separators', () => {
  assert.match(rejects('project.close', { projectId: '../etc' }), /only letters, digits/);
  assert.match(rejects('engine.cancel', { runId: 'a/b' }), /only letters, digits/);
  assert.match(rejects('export.cancel', { jobId: 'a b' }), /only letters, digits/);
});

test('engine.run: mode and settings are validated; omitted settings stay absent', () => {
  const ok = requestValidators['engine.run']({ projectId: 'p1', mode: 'dff', settings: { keyInterval: 5 } }, 'engine.run');
  assert.deepEqual(ok.settings, { keyInterval: 5 });
  assert.equal('targetInterval' in ok.settings, false);
  assert.match(rejects('engine.run', { projectId: 'p1', mode: 'turbo', settings: {} }), /mode must be one of/);
  assert.match(rejects('engine.run', { projectId: 'p1', mode: 'dff', settings: { keyInterval: 0 } }), /settings\.keyInterval must be ≥ 1/);
  assert.match(rejects('engine.run', { projectId: 'p1', mode: 'fused', settings: { fusion: 'sideways' } }), /settings\.fusion must be one of/);
  assert.match(rejects('engine.run', { projectId: 'p1', mode: 'dff', settings: { executionProvider: 'tpu' } }), /executionProvider/);
  const more = requestValidators['engine.run']({ projectId: 'p1', mode: 'fused', settings: { lowLatency: true, fuseCurrent: 2, fusePrevious: 0 } }, 'engine.run');
  assert.deepEqual(more.settings, { lowLatency: true, fuseCurrent: 2, fusePrevious: 0 });
  assert.match(rejects('engine.run', { projectId: 'p1', mode: 'adaptive', settings: { lowLatency: 'yes' } }), /settings\.lowLatency must be true or false/);
  // Ranges come from the engine settings table, so the contract refuses what the engine refuses.
  assert.match(rejects('engine.run', { projectId: 'p1', mode: 'fused', settings: { fuseCurrent: 0 } }), /settings\.fuseCurrent must be > 0/);
  assert.match(rejects('engine.run', { projectId: 'p1', mode: 'adaptive', settings: { threshold: 0 } }), /settings\.threshold must be > 0/);
  const wide = requestValidators['engine.run']({ projectId: 'p1', mode: 'fused', settings: { window: 256, maxInterval: 10000 } }, 'engine.run');
  assert.deepEqual(wide.settings, { window: 256, maxInterval: 10000 });
  assert.match(rejects('engine.run', { projectId: 'p1', mode: 'fused', settings: { window: 257 } }), /settings\.window must be ≤ 256/);
  assert.match(rejects('engine.run', { projectId: 'p1', mode: 'fused', settings: { fusePrevious: -1 } }), /settings\.fusePrevious must be ≥ 0/);
  assert.match(rejects('engine.run', { projectId: 'p1', mode: 'dff', settings: {}, overwriteLocked: 'yes' }), /overwriteLocked must be true or false/);
});

test('project.setView: every view field is checked', () => {
  const ok = requestValidators['project.setView']({ projectId: 'p1', view, playhead: 3 }, 'project.setView');
  assert.deepEqual(ok.view, view);
  assert.match(rejects('project.setView', { projectId: 'p1', view: { ...view, opacity: 2 }, playhead: 0 }), /view\.opacity must be ≤ 1/);
  assert.match(rejects('project.setView', { projectId: 'p1', view: { ...view, compareMode: 'x' }, playhead: 0 }), /compareMode/);
  assert.match(rejects('project.setView', { projectId: 'p1', view: { ...view, overlays: { ...view.overlays, mask: 1 } }, playhead: 0 }), /overlays\.mask/);
  assert.match(rejects('project.setView', { projectId: 'p1', view, playhead: -2 }), /playhead must be ≥ 0/);
});

test('edit and export requests: bounded sizes and known formats', () => {
  const frames = Array.from({ length: 1001 }, (_, i) => ({ index: i, diff: 'x' }));
  assert.match(rejects('edit.apply', { projectId: 'p', trackId: 't', frames }), /too many items/);
  const diff = { frame: 0, width: 2, height: 1, runs: new Uint32Array([1, 1]), newValues: new Uint8Array([3]), oldValues: new Uint8Array([0]) };
  assert.match(rejects('edit.propagatePreview', { projectId: 'p', trackId: 't', index: 0, diff, forward: 101, backward: 0 }), /forward must be ≤ 100/);
  // Diffs are typed arrays on the wire (never JSON strings), checked for consistency.
  assert.match(rejects('edit.apply', { projectId: 'p', trackId: 't', frames: [{ index: 0, diff: JSON.stringify(diff) }] }), /frames\[0\]\.diff must be an object/);
  assert.match(rejects('edit.apply', { projectId: 'p', trackId: 't', frames: [{ index: 0, diff: { ...diff, runs: [1, 1] } }] }), /diff\.runs must be a Uint32Array/);
  assert.match(rejects('edit.apply', { projectId: 'p', trackId: 't', frames: [{ index: 0, diff: { ...diff, oldValues: new Uint8Array(2) } }] }), /oldValues length disagrees/);
  assert.deepEqual(requestValidators['edit.apply']({ projectId: 'p', trackId: 't', frames: [{ index: 0, diff }] }, 'edit.apply').frames[0]!.diff, diff);
  assert.match(rejects('export.start', { projectId: 'p', trackId: 't', corrected: true, format: 'tiff', out: '/tmp/x' }), /format must be one of/);
});
