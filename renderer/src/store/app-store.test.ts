import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createAppStore } from './app-store.ts';
import { currentView } from './view-slice.ts';
import type { VideoInfo } from '../../../electron/shared/contract.ts';

const video = { id: 'v1', width: 100, height: 50, frameCount: 10, timestamps: [] } as unknown as VideoInfo;

test('seek clamps to the clip and a new video resets playhead and view', () => {
  const s = createAppStore();
  s.getState().setVideo(video);
  s.getState().seek(42);
  assert.equal(s.getState().index, 9);
  s.getState().step(-20);
  assert.equal(s.getState().index, 0);
  s.getState().oneToOne();
  assert.equal(s.getState().viewMode, 'manual');
  s.getState().setVideo({ ...video, id: 'v2' });
  assert.equal(s.getState().viewMode, 'fit');
});

test('fit follows the viewport; zoom switches to a manual view', () => {
  const s = createAppStore();
  s.getState().setVideo(video);
  s.getState().setViewport(200, 200);
  assert.deepEqual(currentView(s.getState()), { scale: 2, x: 0, y: 50 });
  s.getState().zoomAt(0, 0, 2);
  assert.equal(currentView(s.getState()).scale, 4);
});

test('playing needs a video; messages are one line', () => {
  const s = createAppStore();
  s.getState().setPlaying(true);
  assert.equal(s.getState().playing, false);
  s.getState().notify('error', 'bad file\nstack trace');
  assert.equal(s.getState().status?.text, 'bad file');
});
