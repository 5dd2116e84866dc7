/** Overlay toggles (registry actions, each with its key) and the mask opacity slider; sits in the side panel. */
import { ActionButton } from '../actions/ActionButton.tsx';
import { useApp } from '../store/index.ts';
import { OVERLAY_BUTTONS, setOpacity } from './overlay-actions.ts';

export function OverlayBar() {
  const hasProject = useApp((s) => s.project !== null);
  const opacity = useApp((s) => s.project?.view.opacity ?? 0.5);
  return (
    <div className="overlay-bar" data-testid="overlay-bar">
      <div className="overlay-buttons">
        {OVERLAY_BUTTONS.map((o) => (
          <ActionButton key={o.name} id={`overlay.${o.name}`} testId={`overlay-toggle-${o.name}`}>
            {o.label}
          </ActionButton>
        ))}
      </div>
      <label className="opacity">
        Opacity
        <input type="range" min={0} max={1} step={0.05} value={opacity} disabled={!hasProject} data-testid="opacity-slider" onChange={(e) => setOpacity(Number(e.target.value))} />
        <span>{Math.round(opacity * 100)}%</span>
      </label>
    </div>
  );
}
