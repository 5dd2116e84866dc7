import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ProjectState } from '../../../electron/shared/contract.ts';
import { createAppStore } from './app-store.ts';
import { currentTrackId } from './project-slice.ts';
import { viewerPatch, viewKey, viewToSave } from '../project/view-state.ts';

function sampleProject(over: Partial<ProjectState> = {}): ProjectState {
  return {
    id: 'p1',
    dir: '/tmp/p',
    name: 'p',
    video: null,
    videoPath: '/v.mp4',
    videoMissing: false, frameRate: null,
    classes: [{ id: 0, name: 'sky', color: [1, 2, 3] }],
    ignoreIndex: 255,
    tracks: [{ id: 't1', name: 'T1', kind: 'engine', mode: 'dff', status: 'done', framesDone: 5, keyFrames: [0], tc: [], tcMean: null, settings: {}, createdAt: '', modelClasses: null, classMap: {} }],
    view: { overlays: { mask: true, flow: false, flowArrows: false, diff: false, flicker: false, confidence: false }, opacity: 0.5, hiddenClasses: [], zoom: 1, panX: 0, panY: 0, trackId: null, compareTrackId: null, compareMode: 'off' },
    playhead: 0,
    corrections: {},
    locked: {},
    ...over,
  };
}

test('corrections lock their frames; dropping a correction unlocks it but keeps manual locks', () => {
  const s = createAppStore();
  s.getState().setProject(sampleProject());
  s.getState().setFrameLocked('t1', 4, true);
  s.getState().setCorrections('t1', [2, 1]);
  assert.deepEqual(s.getState().project?.corrections.t1, [1, 2]);
  assert.deepEqual(s.getState().project?.locked.t1, [1, 2, 4]);
  s.getState().setCorrections('t1', [2]);
  assert.deepEqual(s.getState().project?.locked.t1, [2, 4]);
  s.getState().setFrameLocked('t1', 4, false);
  assert.deepEqual(s.getState().project?.locked.t1, [2]);
});

test('the current track is the view track when it exists, else the first', () => {
  assert.equal(currentTrackId(sampleProject()), 't1');
  assert.equal(currentTrackId(sampleProject({ view: { ...sampleProject().view, trackId: 'gone' } })), 't1');
  assert.equal(currentTrackId(null), null);
});

test('view patches merge overlays; zoom/pan round-trip through the viewer transform', () => {
  const s = createAppStore();
  s.getState().setProject(sampleProject());
  s.getState().setProjectView({ overlays: { flow: true } as ProjectState['view']['overlays'], opacity: 0.3 });
  assert.equal(s.getState().project?.view.overlays.mask, true);
  assert.equal(s.getState().project?.view.overlays.flow, true);
  assert.equal(viewToSave(s.getState())?.zoom, 1, 'fit is saved as zoom 1, pan 0');
  s.setState({ viewMode: 'manual', manualView: { scale: 2.5, x: 10, y: -4 } });
  const saved = viewToSave(s.getState())!;
  assert.deepEqual([saved.zoom, saved.panX, saved.panY], [2.5, 10, -4]);
  assert.deepEqual(viewerPatch(saved), { viewMode: 'manual', manualView: { scale: 2.5, x: 10, y: -4 } });
  assert.equal(viewerPatch(sampleProject().view).viewMode, 'fit');
  const k = viewKey(s.getState());
  s.getState().seek(3);
  assert.equal(viewKey(s.getState()), k, 'no video: playhead stays 0');
});
