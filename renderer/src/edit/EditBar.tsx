/**
 * The editing strip: tools, brush size (superpixel size with that tool), the current class (picked in the side panel's class list
 * or with the digit keys), undo/redo, the frame lock and propagation. Every button is a registry
 * action. The strip keeps one height whether or not a track exists, so the workspace never jumps.
 */
import { appStore, useApp } from '../store/index.ts';
import { currentTrackId } from '../store/project-slice.ts';
import { ActionButton } from '../actions/ActionButton.tsx';
import { ClassSwatch } from '../components/ClassSwatch.tsx';
import { PropagatePanel } from './PropagatePanel.tsx';
import { SUPERPIXEL_MAX, SUPERPIXEL_MIN } from '../store/edit-slice.ts';

const TOOLS: { id: string; label: string }[] = [
  { id: 'tool.brush', label: 'Brush' },
  { id: 'tool.eraser', label: 'Eraser' },
  { id: 'tool.polygon', label: 'Polygon' },
  { id: 'tool.fill', label: 'Fill' },
  { id: 'tool.picker', label: 'Pick' },
  { id: 'tool.superpixel', label: 'Superpixels' },
];

/**
 * With the superpixel tool the size slider sets the superpixel size (the brush keeps its radius:
 * - / =, Alt+wheel), then "…" while the worker computes, "!" when it failed (details in the
 * tooltip); the strip stays within 1280 px.
 */
function SuperpixelControls() {
  const size = useApp((x) => x.superpixelSize);
  const status = useApp((x) => (x.superpixelStatus?.frame === x.index ? x.superpixelStatus : null));
  const shown = status?.state === 'computing' ? '…' : status?.state === 'error' ? '!' : ''; // ready: the outlines show it
  const detail = !status ? '' : status.state === 'computing' ? 'computing the superpixels…' : status.state === 'ready' ? `${status.count} superpixels${status.ms !== undefined ? `, computed in ${status.ms} ms` : ''}` : (status.message ?? '');
  return (
    <label className="brush-size" title={`Superpixel size in pixels (, / .); brush size: - / =, Alt+wheel${detail ? `. ${detail}` : ''}`}>
      Superpixel
      <input type="range" min={SUPERPIXEL_MIN} max={SUPERPIXEL_MAX} value={size} aria-label="Superpixel size" onChange={(e) => appStore.getState().setSuperpixelSize(Number(e.target.value))} />
      <span data-testid="superpixel-size">{size}</span>
      <span className={`superpixel-status${status?.state === 'error' ? ' error' : ''}`} data-testid="superpixel-status" data-state={status?.state ?? ''} title={detail}>
        {shown}
      </span>
    </label>
  );
}

function CurrentClass() {
  const c = useApp((x) => x.project?.classes.find((k) => k.id === x.classId) ?? null);
  if (!c) return null;
  return (
    <span className="current-class" data-testid="current-class" data-class={c.id} title="Class painted by the tools (digits, or click one in the Classes list)">
      <ClassSwatch color={c.color} />
      {c.name}
    </span>
  );
}

export function EditBar() {
  const radius = useApp((x) => x.brushRadius);
  const superpixelTool = useApp((x) => x.tool === 'superpixel');
  const trackId = useApp((x) => currentTrackId(x.project));
  const locked = useApp((x) => (trackId ? (x.project?.locked[trackId] ?? []).includes(x.index) : false));
  const corrected = useApp((x) => (trackId ? (x.project?.corrections[trackId] ?? []).includes(x.index) : false));
  if (!trackId) return <div className="edit-bar muted" data-testid="edit-bar">Run the engine to get a track to correct</div>;
  return (
    <div className="edit-bar" data-testid="edit-bar">
      <div className="edit-tools" role="toolbar" aria-label="Edit tools">
        {TOOLS.map((t) => (
          <ActionButton key={t.id} id={t.id}>
            {t.label}
          </ActionButton>
        ))}
      </div>
      {superpixelTool ? (
        <SuperpixelControls />
      ) : (
        <label className="brush-size" title="Brush size (- / =, Alt+wheel)">
          Size
          <input type="range" min={1} max={100} value={radius} aria-label="Brush size" onChange={(e) => appStore.getState().setBrushRadius(Number(e.target.value))} />
          <span data-testid="brush-size">{radius}</span>
        </label>
      )}
      <CurrentClass />
      <ActionButton id="edit.undo">Undo</ActionButton>
      <ActionButton id="edit.redo">Redo</ActionButton>
      <ActionButton id="frame.lock" testId="lock-toggle">
        {locked ? 'Locked' : 'Lock'}
      </ActionButton>
      <span className="correction-marker" data-testid="edit-correction" data-corrected={corrected ? '1' : '0'}>
        {corrected ? '● corrected' : ''}
      </span>
      <PropagatePanel />
    </div>
  );
}
