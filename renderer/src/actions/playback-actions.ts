/** Frame navigation and playback. */
import { nextKeyFrame, nextSpike } from '../timeline/timeline-nav.ts';
import type { AppState } from '../store/app-store.ts';
import { hasProject, hasVideo, type Action } from './types.ts';

function stepBy(d: number) {
  return (s: AppState): void => {
    s.setPlaying(false);
    s.step(d);
  };
}

function seekTo(at: (s: AppState) => number) {
  return (s: AppState): void => {
    s.setPlaying(false);
    s.seek(at(s));
  };
}

export const PLAYBACK_ACTIONS: readonly Action[] = [
  { id: 'frame.next', label: 'Next frame', group: 'Playback', keys: ['ArrowRight'], enabled: hasVideo, perform: stepBy(1) },
  { id: 'frame.prev', label: 'Previous frame', group: 'Playback', keys: ['ArrowLeft'], enabled: hasVideo, perform: stepBy(-1) },
  { id: 'frame.next10', label: 'Ten frames forward', group: 'Playback', keys: ['Shift+ArrowRight'], enabled: hasVideo, perform: stepBy(10) },
  { id: 'frame.prev10', label: 'Ten frames back', group: 'Playback', keys: ['Shift+ArrowLeft'], enabled: hasVideo, perform: stepBy(-10) },
  { id: 'frame.first', label: 'First frame', group: 'Playback', keys: ['Home'], enabled: hasVideo, perform: seekTo(() => 0) },
  { id: 'frame.last', label: 'Last frame', group: 'Playback', keys: ['End'], enabled: hasVideo, perform: seekTo((s) => (s.video?.frameCount ?? 1) - 1) },
  { id: 'frame.goto', label: 'Go to frame…', group: 'Playback', keys: ['G'], enabled: hasVideo, perform: (s) => s.requestGoto() },
  { id: 'playback.toggle', label: 'Play / pause', group: 'Playback', keys: ['Space'], enabled: hasVideo, perform: (s) => s.setPlaying(!s.playing) },
  { id: 'keyframe.next', label: 'Next key frame', group: 'Playback', keys: ['K'], enabled: hasProject, perform: () => nextKeyFrame(1) },
  { id: 'keyframe.prev', label: 'Previous key frame', group: 'Playback', keys: ['Shift+K'], enabled: hasProject, perform: () => nextKeyFrame(-1) },
  { id: 'spike.next', label: 'Next flicker spike', group: 'Playback', keys: [']'], enabled: hasProject, perform: () => nextSpike(1) },
  { id: 'spike.prev', label: 'Previous flicker spike', group: 'Playback', keys: ['['], enabled: hasProject, perform: () => nextSpike(-1) },
];
