/** Timeline scrubber: click or drag anywhere to jump. Room for key-frame markers and a TC sparkline above the track. */
import { useRef, type PointerEvent } from 'react';
import { appStore, useApp } from '../store/index.ts';
import { TimelineLanes } from '../timeline/TimelineLanes.tsx';

/** Frame under a horizontal position: the track spans frame 0 (left edge) to the last frame (right edge). */
export function indexAtFraction(fraction: number, frameCount: number): number {
  const f = Math.min(1, Math.max(0, fraction));
  return Math.round(f * Math.max(0, frameCount - 1));
}

export function Timeline() {
  const track = useRef<HTMLDivElement>(null);
  const frameCount = useApp((s) => s.video?.frameCount ?? 0);
  const index = useApp((s) => s.index);
  const dragging = useRef(false);

  const seekTo = (clientX: number) => {
    const r = track.current?.getBoundingClientRect();
    if (!r || r.width <= 0) return;
    appStore.getState().seek(indexAtFraction((clientX - r.left) / r.width, frameCount));
  };
  const onDown = (e: PointerEvent<HTMLDivElement>) => {
    if (frameCount === 0 || e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    dragging.current = true;
    appStore.getState().setPlaying(false);
    seekTo(e.clientX);
  };
  const onMove = (e: PointerEvent<HTMLDivElement>) => {
    if (dragging.current) seekTo(e.clientX);
  };
  const stop = () => {
    dragging.current = false;
  };
  const pos = frameCount > 1 ? (index / (frameCount - 1)) * 100 : 0;

  return (
    <div className="timeline" data-testid="timeline" aria-disabled={frameCount === 0}>
      <div className="timeline-lanes" data-testid="timeline-lanes">
        <TimelineLanes />
      </div>
      <div
        ref={track}
        className="timeline-track"
        data-testid="timeline-track"
        role="slider"
        aria-valuemin={0}
        aria-valuemax={Math.max(0, frameCount - 1)}
        aria-valuenow={index}
        onPointerDown={onDown}
        onPointerMove={onMove}
        onPointerUp={stop}
        onPointerCancel={stop}
      >
        <div className="timeline-fill" style={{ width: `${pos}%` }} />
        <div className="timeline-playhead" style={{ left: `${pos}%` }} />
      </div>
    </div>
  );
}
