/** Export dialog: format, track, corrected or engine labels, frame range, output folder; progress and Cancel. */
import { useEffect } from 'react';
import { useShallow } from 'zustand/shallow';
import { EXPORT_FORMAT_NAMES, type ExportFormatName } from '../../../electron/shared/contract.ts';
import { appStore, useApp } from '../store/index.ts';
import { client } from '../client/bridge.ts';
import { cancelExport, defaultExportOut, FORMAT_LABELS, revealExport, startExport, startExportSync } from './export-actions.ts';
import { withZip } from './export-out.ts';
import { JobProgress } from '../components/JobProgress.tsx';

export function useExportSync(): void {
  useEffect(() => startExportSync(), []);
}

/** Where the export went: the path (selectable), and Show in folder (desktop) or Copy path (browser). */
function ExportedPath({ path }: { path: string }) {
  return (
    <>
      <input className="path-input" aria-label="Exported to" data-testid="export-out-path" readOnly value={path} onFocus={(e) => e.target.select()} />
      <button type="button" data-testid="export-reveal" onClick={() => void revealExport(path)}>
        {client.transport === 'electron' ? 'Show in folder' : 'Copy path'}
      </button>
    </>
  );
}

function Progress() {
  const job = useApp((s) => s.exportJob);
  const done = job ? (
    <>
      <span>Done:</span>
      <ExportedPath path={job.out} />
    </>
  ) : null;
  return <JobProgress job={job} testId="export-status" onCancel={() => void cancelExport()} done={done} />;
}

/** The dialog's fields: format, track, corrections, frame range, output path, ZIP and overwrite. */
function ExportFields() {
  const form = useApp(useShallow((s) => s.exportForm));
  const tracks = useApp(useShallow((s) => s.project?.tracks ?? []));
  const dir = useApp((s) => s.project?.dir ?? '');
  const frameCount = useApp((s) => s.video?.frameCount ?? 0);
  const set = appStore.getState().setExportForm;
  const freshOut = (format: ExportFormatName, trackId: string | null) => withZip(trackId ? defaultExportOut(dir, trackId, format) : form.out, form.zip && format !== 'video');
  const zip = form.zip && form.format !== 'video';
  const num = (v: string): number | null => (v.trim() === '' ? null : Math.max(0, Math.floor(Number(v)) || 0));
  return (
    <>
          <label>
            Format
            <select aria-label="Format" value={form.format} onChange={(e) => set({ format: e.target.value as ExportFormatName, out: freshOut(e.target.value as ExportFormatName, form.trackId) })}>
              {EXPORT_FORMAT_NAMES.map((f) => (
                <option key={f} value={f}>
                  {FORMAT_LABELS[f]}
                </option>
              ))}
            </select>
          </label>
          <label>
            Track
            <select aria-label="Track" value={form.trackId ?? ''} onChange={(e) => set({ trackId: e.target.value, out: freshOut(form.format, e.target.value) })}>
              {tracks.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          </label>
          <label className="check">
            <input type="checkbox" aria-label="With corrections" checked={form.corrected} onChange={(e) => set({ corrected: e.target.checked })} />
            With corrections (unchecked: the engine's labels only)
          </label>
          <div className="range">
            Frames
            <input aria-label="From frame" type="number" min={0} max={Math.max(0, frameCount - 1)} placeholder="first" value={form.from ?? ''} onChange={(e) => set({ from: num(e.target.value) })} />
            to
            <input aria-label="To frame" type="number" min={0} max={Math.max(0, frameCount - 1)} placeholder="last" value={form.to ?? ''} onChange={(e) => set({ to: num(e.target.value) })} />
            <span className="muted">(empty = all)</span>
          </div>
          <label>
            {zip ? 'Output file (.zip)' : 'Output folder (new or empty)'}
            <input aria-label="Output folder" className="path-input" value={form.out} onChange={(e) => set({ out: e.target.value })} />
          </label>
          <label className="check">
            <input type="checkbox" aria-label="As one ZIP file" disabled={form.format === 'video'} checked={zip} onChange={(e) => set({ zip: e.target.checked, out: withZip(form.out, e.target.checked) })} />
            As one ZIP file{form.format === 'cvat' ? ' (ready to upload to CVAT)' : ''}
          </label>
          <label className="check">
            <input type="checkbox" aria-label="Overwrite" checked={form.overwrite} onChange={(e) => set({ overwrite: e.target.checked })} />
            Overwrite: replace what the folder holds (only when the export completes)
          </label>
    </>
  );
}

export function ExportDialog() {
  const open = useApp((s) => s.exportOpen);
  const form = useApp(useShallow((s) => s.exportForm));
  const running = useApp((s) => s.exportJob?.status === 'running');
  if (!open) return null;
  return (
    <div className="modal-backdrop" onKeyDown={(e) => e.key === 'Escape' && !running && appStore.getState().setExportOpen(false)}>
      <form
        className="modal export-dialog"
        role="dialog"
        aria-label="Export"
        data-testid="export-dialog"
        onSubmit={(e) => {
          e.preventDefault();
          void startExport();
        }}
      >
        <h2>Export labels</h2>
        <ExportFields />
        <Progress />
        <div className="modal-buttons">
          <button type="submit" disabled={running || !form.trackId || !form.out.trim()}>
            Export
          </button>
          <button type="button" disabled={running} onClick={() => appStore.getState().setExportOpen(false)}>
            Close
          </button>
        </div>
      </form>
    </div>
  );
}
