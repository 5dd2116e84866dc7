import { useApp } from '../store/index.ts';
import { formatTimecode } from '../app/timecode.ts';

/** "frame N / total" (0-based index) and the true presentation time of that frame. */
export function FrameCounter() {
  const index = useApp((s) => s.index);
  const frameCount = useApp((s) => s.video?.frameCount ?? 0);
  const pts = useApp((s) => s.video?.timestamps[s.index] ?? 0);
  if (frameCount === 0) return <div className="frame-counter muted" data-testid="frame-counter">no video</div>;
  return (
    <div className="frame-counter">
      <span data-testid="frame-counter" data-index={index}>
        frame {index} / {frameCount}
      </span>
      <span className="timecode" data-testid="timecode" title={`frame ${index}`}>
        {formatTimecode(pts)}
      </span>
    </div>
  );
}
