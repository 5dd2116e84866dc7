/** The editing strip: tools, class palette, brush size, undo/redo, frame lock and propagation. */
import { useShallow } from 'zustand/shallow';
import { appStore, useApp } from '../store/index.ts';
import { currentTrackId } from '../store/project-slice.ts';
import type { EditTool } from '../store/edit-slice.ts';
import { editing } from './editing.ts';
import { PropagatePanel } from './PropagatePanel.tsx';

const TOOLS: { tool: EditTool; label: string; key: string }[] = [
  { tool: 'brush', label: 'Brush', key: 'B' },
  { tool: 'eraser', label: 'Eraser', key: 'E' },
  { tool: 'polygon', label: 'Polygon', key: 'P' },
  { tool: 'fill', label: 'Fill', key: 'G' },
  { tool: 'picker', label: 'Pick', key: 'I' },
];

const hex = (c: [number, number, number]) => `rgb(${c[0]}, ${c[1]}, ${c[2]})`;

export function EditBar() {
  const s = appStore.getState;
  const tool = useApp((x) => x.tool);
  const classId = useApp((x) => x.classId);
  const radius = useApp((x) => x.brushRadius);
  const classes = useApp(useShallow((x) => x.project?.classes ?? []));
  const canUndo = useApp((x) => x.canUndo);
  const canRedo = useApp((x) => x.canRedo);
  const undoLabel = useApp((x) => x.undoLabel);
  const index = useApp((x) => x.index);
  const trackId = useApp((x) => currentTrackId(x.project));
  const locked = useApp((x) => (trackId ? (x.project?.locked[trackId] ?? []).includes(x.index) : false));
  const corrected = useApp((x) => (trackId ? (x.project?.corrections[trackId] ?? []).includes(x.index) : false));
  if (!trackId) return <div className="edit-bar muted" data-testid="edit-bar">Run the engine to get a track to correct</div>;
  return (
    <div className="edit-bar" data-testid="edit-bar">
      <div className="edit-tools" role="toolbar" aria-label="Edit tools">
        {TOOLS.map((t) => (
          <button key={t.tool} className={tool === t.tool ? 'on' : ''} aria-pressed={tool === t.tool} title={`${t.label} (${t.key})`} onClick={() => s().setTool(tool === t.tool ? null : t.tool)}>
            {t.label}
          </button>
        ))}
      </div>
      <label className="brush-size" title="Brush size (- / =, Alt+wheel)">
        Size
        <input type="range" min={1} max={100} value={radius} aria-label="Brush size" onChange={(e) => s().setBrushRadius(Number(e.target.value))} />
        <span data-testid="brush-size">{radius}</span>
      </label>
      <div className="palette" role="radiogroup" aria-label="Class">
        {classes.map((c, i) => (
          <button
            key={c.id}
            role="radio"
            aria-checked={classId === c.id}
            className={`swatch${classId === c.id ? ' on' : ''}`}
            title={`${c.name} (${i < 10 ? (i + 1) % 10 : `Shift+${(i - 9) % 10}`})`}
            style={{ background: hex(c.color) }}
            onClick={() => s().setClassId(c.id)}
          >
            <span>{c.name}</span>
          </button>
        ))}
      </div>
      <button disabled={!canUndo} onClick={() => editing.undo()} title={`Undo${undoLabel ? ` ${undoLabel}` : ''} (Ctrl+Z)`}>Undo</button>
      <button disabled={!canRedo} onClick={() => editing.redo()} title="Redo (Ctrl+Shift+Z, Ctrl+Y)">Redo</button>
      <button className={locked ? 'on' : ''} aria-pressed={locked} onClick={() => void editing.toggleLock(index)} title="Lock this frame against later engine runs (L)" data-testid="lock-toggle">
        {locked ? 'Locked' : 'Lock'}
      </button>
      <span className="correction-marker" data-testid="edit-correction" data-corrected={corrected ? '1' : '0'}>{corrected ? '● corrected' : ''}</span>
      <PropagatePanel />
    </div>
  );
}
