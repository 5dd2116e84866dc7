import { useApp } from '../store/index.ts';
import { SaveIndicator } from './SaveIndicator.tsx';

/** Bottom bar: the latest warning or error as one line, the achieved frame rate while playing, and the connection and save state. */
export function StatusBar() {
  const status = useApp((s) => s.status);
  const clear = useApp((s) => s.clearStatus);
  const playing = useApp((s) => s.playing);
  const achieved = useApp((s) => s.achievedFps);
  const fps = useApp((s) => s.video?.fps ?? 0);
  return (
    <footer className="status-bar">
      {status ? (
        <div className={`status-message ${status.level}`} data-testid="error-banner" data-level={status.level} role="status">
          <span className="status-text">{status.text}</span>
          <button className="link" onClick={clear} aria-label="Dismiss">
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
    </footer>
  );
}
