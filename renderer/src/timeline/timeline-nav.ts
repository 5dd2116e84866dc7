/** Timeline navigation: next / previous key frame of the main track, next / previous flicker spike. */
import { appStore } from '../store/index.ts';
import { currentTrackId } from '../store/project-slice.ts';
import { nextMarked } from './timeline-geometry.ts';
import { spikeThreshold, tcSpikes } from './tc-spikes.ts';

function jump(frames: readonly number[], dir: 1 | -1, what: string): void {
  const s = appStore.getState();
  const to = nextMarked(frames, s.index, dir);
  s.setPlaying(false);
  if (to === null) s.notify('info', `No ${what} ${dir > 0 ? 'after' : 'before'} frame ${s.index}`);
  else s.seek(to);
}

function mainTrack() {
  const p = appStore.getState().project;
  return p?.tracks.find((t) => t.id === currentTrackId(p)) ?? null;
}

export function nextKeyFrame(dir: 1 | -1): void {
  jump(mainTrack()?.keyFrames ?? [], dir, 'key frame');
}

export function nextSpike(dir: 1 | -1): void {
  const t = mainTrack();
  jump(t ? tcSpikes(t.tc, spikeThreshold(t.tc)) : [], dir, 'flicker spike');
}
