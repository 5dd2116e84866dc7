/**
 * Lanes above the timeline track: key frames of the main track, frames with corrections, frames
 * with decode warnings, and the per-frame TC sparkline with its flicker spikes (TC under the
 * threshold). Clicking a marker jumps to its frame.
 */
import { memo } from 'react';
import { useShallow } from 'zustand/shallow';
import { appStore, useApp } from '../store/index.ts';
import { currentTrackId } from '../store/project-slice.ts';
import { framePercent, sparklinePath, sparkY } from './timeline-geometry.ts';
import { sparkRange, spikeThreshold, tcSpikes } from './tc-spikes.ts';

const EMPTY: number[] = [];

function Markers({ frames, count, kind, testId }: { frames: readonly number[]; count: number; kind: string; testId: string }) {
  return (
    <div className={`marker-lane ${kind}`}>
      {frames.map((i) => (
        <span
          key={i}
          className={`marker ${kind}`}
          data-testid={testId}
          data-frame={i}
          style={{ left: `${framePercent(i, count)}%` }}
          title={`${kind} ${i}`}
          onPointerDown={(e) => {
            e.stopPropagation();
            appStore.getState().setPlaying(false);
            appStore.getState().seek(i);
          }}
        />
      ))}
    </div>
  );
}

/** TC per frame on an axis fitted to the track, the spike threshold (dashed) and the spikes. */
const Sparkline = memo(function Sparkline({ tc, count }: { tc: readonly (number | null)[]; count: number }) {
  const W = 1000;
  const H = 24;
  const threshold = spikeThreshold(tc);
  const range = sparkRange(tc, threshold);
  const spikes = tcSpikes(tc, threshold);
  const title = `TC ${range.min.toFixed(2)}–${range.max.toFixed(2)}${threshold !== null ? `; spikes under ${threshold.toFixed(3)} ([ / ] jump)` : ''}`;
  return (
    <svg className="sparkline" data-testid="tc-sparkline" data-spikes={spikes.length} data-min={range.min.toFixed(3)} data-max={range.max.toFixed(3)} viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none">
      <title>{title}</title>
      {threshold !== null && <line x1={0} x2={W} y1={sparkY(threshold, range, H)} y2={sparkY(threshold, range, H)} className="spark-threshold" />}
      <path d={sparklinePath(tc, count, W, H, range)} className="spark-line" vectorEffect="non-scaling-stroke" />
      {spikes.map((i) => (
        <rect key={i} className="spark-spike" data-testid="tc-spike" x={(framePercent(i, count) / 100) * W - 2} y={0} width={4} height={H} />
      ))}
    </svg>
  );
});

export function TimelineLanes() {
  const count = useApp((s) => s.video?.frameCount ?? 0);
  const bad = useApp(useShallow((s) => s.video?.badFrames ?? EMPTY));
  const track = useApp((s) => s.project?.tracks.find((t) => t.id === currentTrackId(s.project)) ?? null);
  const corrections = useApp(useShallow((s) => {
    const id = currentTrackId(s.project);
    return (id && s.project?.corrections[id]) || EMPTY;
  }));
  if (count === 0) return null;
  return (
    <>
      {track && track.tc.length > 0 && <Sparkline tc={track.tc} count={count} />}
      <Markers frames={track?.keyFrames ?? EMPTY} count={count} kind="keyframe" testId="keyframe-marker" />
      <Markers frames={corrections} count={count} kind="correction" testId="correction-marker" />
      <Markers frames={bad} count={count} kind="warning" testId="warning-marker" />
    </>
  );
}
