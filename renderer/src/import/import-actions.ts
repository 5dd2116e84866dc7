/** Checking (import.plan), starting, following and cancelling an import (import.progress/done events). */
import type { ImportFormatName, ImportRequest } from '../../../electron/shared/contract.ts';
import { client } from '../client/bridge.ts';
import { invalidateLabels } from '../client/resources.ts';
import { appStore } from '../store/index.ts';
import { currentTrackId } from '../store/project-slice.ts';

const state = () => appStore.getState();

export const IMPORT_FORMAT_LABELS: Record<ImportFormatName, string> = {
  labels: 'Label-id PNGs (+ classes.json)',
  cvat: 'CVAT Segmentation mask 1.1 (folder or .zip)',
  coco: 'COCO JSON (RLE or polygons)',
  cityscapes: 'Cityscapes (gtFine labelIds or labelTrainIds)',
};

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export function openImportDialog(): void {
  const s = state();
  const p = s.project;
  if (!p) return;
  const trackId = s.importForm.trackId && p.tracks.some((t) => t.id === s.importForm.trackId) ? s.importForm.trackId : currentTrackId(p);
  s.setImportForm({ trackId, ...(trackId ? {} : { as: 'track' }) });
  if (s.importJob?.status !== 'running') s.setImportJob(null);
  s.setImportOpen(true);
}

/** The request for the form as it stands (null when it is not complete). */
export function importRequest(): ImportRequest | null {
  const s = state();
  const p = s.project;
  const f = s.importForm;
  if (!p || !f.from.trim()) return null;
  if (f.as === 'track' && !f.name.trim()) return null;
  if (f.as === 'corrections' && !f.trackId) return null;
  const base = { projectId: p.id, format: f.format, from: f.from.trim(), map: f.map };
  return f.as === 'track' ? { ...base, as: 'track', name: f.name.trim() } : { ...base, as: 'corrections', trackId: f.trackId!, replaceCorrected: f.replaceCorrected };
}

/** Asks the backend what the import would do; the dialog shows the mapping and the frames. */
export async function checkImport(): Promise<void> {
  const req = importRequest();
  if (!req) return;
  const s = state();
  try {
    const plan = await client.call('import.plan', req);
    // Keep the user's choices; offer the backend's matches for the rest.
    s.setImportPlan(plan);
  } catch (e) {
    s.setImportPlan(null, errorText(e));
  }
}

export async function startImport(): Promise<void> {
  const req = importRequest();
  const s = state();
  if (!req || !s.importPlan) return;
  try {
    const { jobId } = await client.call('import.start', req);
    const j = state().importJob;
    if (!j || j.jobId !== jobId) s.setImportJob({ jobId, progress: null, status: 'running', message: '' });
  } catch (e) {
    s.setImportJob({ jobId: '', progress: null, status: 'failed', message: errorText(e) });
  }
}

export async function cancelImport(): Promise<void> {
  const j = state().importJob;
  if (j?.status === 'running') await client.call('import.cancel', { jobId: j.jobId }).catch(() => undefined);
}

/** Follows import events for the app's lifetime. */
export function startImportSync(): () => void {
  const offs = [
    client.on('import.progress', ({ jobId, ...p }) => state().importProgress(jobId, p)),
    client.on('import.done', ({ jobId, projectId, status, message, trackId }) => {
      if (status === 'done' && trackId) invalidateLabels(projectId, trackId);
      state().importDone(jobId, status, message);
      if (status === 'done') state().notify('info', message);
    }),
  ];
  return () => offs.forEach((off) => off());
}
