/** Import dialog: format, source path, new track or corrections; Check shows the plan, Import runs it with progress and Cancel. */
import { useEffect } from 'react';
import { useShallow } from 'zustand/shallow';
import { IMPORT_FORMAT_NAMES, type ImportFormatName } from '../../../electron/shared/contract.ts';
import { appStore, useApp } from '../store/index.ts';
import { cancelImport, checkImport, IMPORT_FORMAT_LABELS, importRequest, startImport, startImportSync } from './import-actions.ts';
import { ImportPlanView } from './ImportPlanView.tsx';
import { JobProgress } from '../components/JobProgress.tsx';

export function useImportSync(): void {
  useEffect(() => startImportSync(), []);
}

function Progress() {
  const job = useApp((s) => s.importJob);
  return <JobProgress job={job} testId="import-status" onCancel={() => void cancelImport()} done={<span>Done: {job?.message}</span>} />;
}

function Target() {
  const form = useApp(useShallow((s) => s.importForm));
  const tracks = useApp(useShallow((s) => s.project?.tracks ?? []));
  const set = appStore.getState().setImportForm;
  return (
    <fieldset className="import-target">
      <legend>Import as</legend>
      <label className="check">
        <input type="radio" name="import-as" aria-label="As a new track" checked={form.as === 'track'} onChange={() => set({ as: 'track' })} />
        A new track named
        <input aria-label="Track name" value={form.name} onChange={(e) => set({ name: e.target.value })} disabled={form.as !== 'track'} />
      </label>
      <label className="check">
        <input type="radio" name="import-as" aria-label="As corrections" checked={form.as === 'corrections'} disabled={tracks.length === 0} onChange={() => set({ as: 'corrections' })} />
        Corrections of
        <select aria-label="Track to correct" value={form.trackId ?? ''} disabled={form.as !== 'corrections'} onChange={(e) => set({ trackId: e.target.value })}>
          {tracks.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </label>
      {form.as === 'corrections' && (
        <label className="check">
          <input type="checkbox" aria-label="Replace corrected frames" checked={form.replaceCorrected} onChange={(e) => set({ replaceCorrected: e.target.checked })} />
          Also replace frames I already corrected (kept otherwise)
        </label>
      )}
    </fieldset>
  );
}

export function ImportDialog() {
  const open = useApp((s) => s.importOpen);
  const form = useApp(useShallow((s) => s.importForm));
  const planned = useApp((s) => s.importPlan !== null);
  const running = useApp((s) => s.importJob?.status === 'running');
  if (!open) return null;
  const set = appStore.getState().setImportForm;
  const complete = importRequest() !== null;
  return (
    <div className="modal-backdrop" onKeyDown={(e) => e.key === 'Escape' && !running && appStore.getState().setImportOpen(false)}>
      <form
        className="modal export-dialog import-dialog"
        role="dialog"
        aria-label="Import"
        data-testid="import-dialog"
        onSubmit={(e) => {
          e.preventDefault();
          void (planned ? startImport() : checkImport());
        }}
      >
        <h2>Import labels</h2>
        <label>
          Format
          <select aria-label="Import format" value={form.format} onChange={(e) => set({ format: e.target.value as ImportFormatName, map: {} })}>
            {IMPORT_FORMAT_NAMES.map((f) => (
              <option key={f} value={f}>
                {IMPORT_FORMAT_LABELS[f]}
              </option>
            ))}
          </select>
        </label>
        <label>
          From: a folder, a .zip or the COCO .json (a path on the machine that runs VSS)
          <input aria-label="Import from" className="path-input" placeholder="/path/to/labels" value={form.from} onChange={(e) => set({ from: e.target.value, map: {} })} />
        </label>
        <Target />
        <ImportPlanView />
        <Progress />
        <div className="modal-buttons">
          <button type="submit" disabled={running || !complete}>
            {planned ? 'Import' : 'Check'}
          </button>
          {planned && (
            <button type="button" disabled={running} onClick={() => void checkImport()}>
              Check again
            </button>
          )}
          <button type="button" disabled={running} onClick={() => appStore.getState().setImportOpen(false)}>
            Close
          </button>
        </div>
      </form>
    </div>
  );
}
