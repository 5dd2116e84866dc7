/** Progress of the run in flight: bar, frames, fps, ETA and Cancel. */
import { useShallow } from 'zustand/shallow';
import { useApp } from '../../store/index.ts';

function eta(sec: number): string {
  if (!Number.isFinite(sec) || sec <= 0) return '—';
  const m = Math.floor(sec / 60);
  const s = Math.round(sec % 60);
  return m > 0 ? `${m} min ${s} s` : `${s} s`;
}

export function RunProgress({ onCancel }: { onCancel: () => void }) {
  const p = useApp(useShallow((s) => s.activeRun?.progress ?? null));
  const frac = p && p.total > 0 ? p.done / p.total : 0;
  return (
    <div className="run-progress" data-testid="run-progress">
      <div className="progress-bar" role="progressbar" aria-valuemin={0} aria-valuemax={p?.total ?? 0} aria-valuenow={p?.done ?? 0}>
        <div style={{ width: `${frac * 100}%` }} />
      </div>
      <div className="run-stats">
        <span data-testid="run-done">
          {p?.done ?? 0} / {p?.total ?? 0}
        </span>
        <span>{p && p.fps > 0 ? `${p.fps.toFixed(1)} fps` : 'loading…'}</span>
        <span>ETA {eta(p?.etaSec ?? 0)}</span>
        <button data-testid="run-cancel" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
