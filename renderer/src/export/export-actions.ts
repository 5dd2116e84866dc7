/** Starting, following and cancelling an export job (export.start, export.progress/done events). */
import type { ExportFormatName } from '../../../electron/shared/contract.ts';
import { client } from '../client/bridge.ts';
import { appStore } from '../store/index.ts';
import { currentTrackId } from '../store/project-slice.ts';
import { defaultExportOut, withZip } from './export-out.ts';

export { defaultExportOut };

const state = () => appStore.getState();

export const FORMAT_LABELS: Record<ExportFormatName, string> = {
  labels: 'Label-id PNGs',
  color: 'Colour PNGs',
  cityscapes: 'Cityscapes',
  cvat: 'CVAT Segmentation mask 1.1',
  coco: 'COCO JSON (RLE)',
  video: 'Overlay video (MP4)',
};

export function openExportDialog(): void {
  const s = state();
  const p = s.project;
  if (!p) return;
  const trackId = s.exportForm.trackId && p.tracks.some((t) => t.id === s.exportForm.trackId) ? s.exportForm.trackId : currentTrackId(p);
  if (!trackId) {
    s.notify('warning', 'Nothing to export yet: run the engine to get a track');
    return;
  }
  s.setExportForm({ trackId, out: withZip(defaultExportOut(p.dir, trackId, s.exportForm.format), s.exportForm.zip && s.exportForm.format !== 'video') });
  if (s.exportJob?.status !== 'running') s.setExportJob(null);
  s.setExportOpen(true);
}

export async function startExport(): Promise<void> {
  const s = state();
  const p = s.project;
  const f = s.exportForm;
  if (!p || !f.trackId || !f.out.trim()) return;
  try {
    const { jobId } = await client.call('export.start', {
      projectId: p.id,
      trackId: f.trackId,
      corrected: f.corrected,
      format: f.format,
      out: f.out.trim(),
      ...(f.from !== null ? { from: f.from } : {}),
      ...(f.to !== null ? { to: f.to } : {}),
      overwrite: f.overwrite,
      ...(f.zip && f.format !== 'video' ? { zip: true } : {}),
    });
    // events may have arrived before the answer: keep what they said
    const j = state().exportJob;
    if (!j || j.jobId !== jobId) s.setExportJob({ jobId, progress: null, status: 'running', message: '', out: f.out.trim() });
  } catch (e) {
    s.setExportJob({ jobId: '', progress: null, status: 'failed', message: e instanceof Error ? e.message : String(e), out: f.out });
  }
}

/** Reveals a finished export in the file manager (desktop app), else copies its path (a browser cannot open folders). */
export async function revealExport(path: string): Promise<void> {
  const s = state();
  try {
    if (client.transport === 'electron') await client.call('app.showInFolder', { path });
    else {
      await navigator.clipboard.writeText(path);
      s.notify('info', `Copied ${path}`);
    }
  } catch (e) {
    s.notify('warning', `Could not ${client.transport === 'electron' ? 'open the folder' : 'copy the path'}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

export async function cancelExport(): Promise<void> {
  const j = state().exportJob;
  if (j?.status === 'running') await client.call('export.cancel', { jobId: j.jobId }).catch(() => undefined);
}

/** Follows export events for the app's lifetime. */
export function startExportSync(): () => void {
  const offs = [
    client.on('export.progress', ({ jobId, ...p }) => state().exportProgress(jobId, p)),
    client.on('export.done', ({ jobId, status, message, out }) => state().exportDone(jobId, status, message, out)),
  ];
  return () => offs.forEach((off) => off());
}
