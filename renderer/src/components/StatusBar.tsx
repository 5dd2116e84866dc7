import { useApp } from '../store/index.ts';
import { SaveIndicator } from './SaveIndicator.tsx';

/**
 * Bottom bar: the latest warning or error as one line, the achieved frame rate while playing, the
 * video's size, rate and codec, and the connection and save state.
 */
export function StatusBar() {
  const status = useApp((s) => s.status);
  const clear = useApp((s) => s.clearStatus);
  const playing = useApp((s) => s.playing);
  const achieved = useApp((s) => s.achievedFps);
  const fps = useApp((s) => s.video?.fps ?? 0);
  const facts = useApp((s) => (s.video ? `${s.video.width}×${s.video.height} · ${s.video.fps.toFixed(3).replace(/\.?0+$/, '')} fps · ${s.video.kind === 'frames' ? 'image frames' : s.video.codec}` : ''));
  return (
    <footer className="status-bar">
      {status ? (
        <div className={`status-message ${status.level}`} data-testid="error-banner" data-level={status.level} role="status">
          <span className="status-text">{status.text}</span>
          <button className="link" onClick={clear} aria-label="Dismiss" data-testid="status-dismiss">
            ×
          </button>
        </div>
      ) : (
        <div className="status-message muted">Ready</div>
      )}
      <SaveIndicator />
      {playing && (
        <div className="achieved-fps" data-testid="achieved-fps">
          {achieved.toFixed(1)} / {fps.toFixed(1)} fps
        </div>
      )}
      {facts && (
        <div className="video-facts" data-testid="video-facts" title="Open the side panel's Video section for all facts">
          {facts}
        </div>
      )}
    </footer>
  );
}
