/** Overlay toggles (each also has a key) and the mask opacity slider; sits in the side panel. */
import { useShallow } from 'zustand/shallow';
import { useApp } from '../store/index.ts';
import { OVERLAY_KEYS, setOpacity, toggleOverlay } from './overlay-actions.ts';

export function OverlayBar() {
  const overlays = useApp(useShallow((s) => s.project?.view.overlays ?? null));
  const opacity = useApp((s) => s.project?.view.opacity ?? 0.5);
  return (
    <div className="overlay-bar" data-testid="overlay-bar">
      <div className="overlay-buttons">
        {OVERLAY_KEYS.map((o) => (
          <button
            key={o.name}
            className={overlays?.[o.name] ? 'on' : ''}
            aria-pressed={overlays?.[o.name] ?? false}
            disabled={!overlays}
            title={o.title}
            data-testid={`overlay-toggle-${o.name}`}
            onClick={() => toggleOverlay(o.name)}
          >
            {o.label}
          </button>
        ))}
      </div>
      <label className="opacity">
        Opacity
        <input type="range" min={0} max={1} step={0.05} value={opacity} disabled={!overlays} data-testid="opacity-slider" onChange={(e) => setOpacity(Number(e.target.value))} />
        <span>{Math.round(opacity * 100)}%</span>
      </label>
    </div>
  );
}
