/**
 * Propagate this frame's corrections (all of them, or the last edit step) N frames forward and
 * backward along the flow: preview, then Apply or Discard.
 */
import { useShallow } from 'zustand/shallow';
import { appStore, useApp } from '../store/index.ts';
import { editing } from './editing.ts';

export function PropagatePanel() {
  const s = appStore.getState;
  const prop = useApp(useShallow((x) => x.propagate));
  const preview = useApp((x) => x.preview);
  const busy = useApp((x) => x.previewBusy);
  const index = useApp((x) => x.index);
  const total = preview?.frames.reduce((a, f) => a + f.changed, 0) ?? 0;
  return (
    <div className="propagate" data-testid="propagate">
      <label title="What to carry to the neighbouring frames">
        Propagate
        <select aria-label="Propagate what" data-testid="propagate-scope" value={prop.scope} onChange={(e) => s().setPropagate({ scope: e.target.value === 'last' ? 'last' : 'all' })}>
          <option value="all">all corrections</option>
          <option value="last">last edit</option>
        </select>
      </label>
      <label title="Frames before">
        ◀
        <input type="number" min={0} max={100} value={prop.backward} aria-label="Frames backward" onChange={(e) => s().setPropagate({ backward: Math.max(0, Math.min(100, Number(e.target.value) || 0)) })} />
      </label>
      <label title="Frames after">
        <input type="number" min={0} max={100} value={prop.forward} aria-label="Frames forward" onChange={(e) => s().setPropagate({ forward: Math.max(0, Math.min(100, Number(e.target.value) || 0)) })} />
        ▶
      </label>
      {!preview ? (
        <button disabled={busy} onClick={() => void editing.previewPropagation(index)}>
          {busy ? 'Computing…' : 'Preview'}
        </button>
      ) : (
        <>
          <span className="preview-counts" data-testid="propagate-counts" title="Proposed pixels per frame (scrub to see them highlighted)">
            {preview.frames.length === 0 ? 'no pixels' : preview.frames.map((f) => `${f.index}: ${f.changed}`).join(', ')} ({total} px)
          </span>
          <button onClick={() => editing.applyPreview()} disabled={preview.frames.length === 0}>
            Apply
          </button>
          <button onClick={() => editing.discardPreview()}>Discard</button>
        </>
      )}
    </div>
  );
}
