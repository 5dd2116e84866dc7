/** Export dialog state: open/closed, the form, the running job's progress and its outcome. */
import type { StateCreator } from 'zustand';
import type { ExportFormatName, ProgressInfo } from '../../../electron/shared/contract.ts';
import type { AppState } from './app-store.ts';

export interface ExportForm {
  format: ExportFormatName;
  trackId: string | null;
  corrected: boolean;
  /** Inclusive frame range; null = all frames. */
  from: number | null;
  to: number | null;
  out: string;
  /** Replace the output folder's contents when it is not empty. */
  overwrite: boolean;
  /** Write one .zip archive (ready to upload to CVAT) instead of a folder. */
  zip: boolean;
}

export interface ExportJobState {
  jobId: string;
  progress: ProgressInfo | null;
  status: 'running' | 'done' | 'failed' | 'cancelled';
  message: string;
  out: string;
}

export interface ExportSlice {
  exportOpen: boolean;
  exportForm: ExportForm;
  exportJob: ExportJobState | null;
  setExportOpen(open: boolean): void;
  setExportForm(patch: Partial<ExportForm>): void;
  setExportJob(job: ExportJobState | null): void;
  exportProgress(jobId: string, p: ProgressInfo): void;
  exportDone(jobId: string, status: ExportJobState['status'], message: string, out: string): void;
}

export const createExportSlice: StateCreator<AppState, [], [], ExportSlice> = (set, get) => ({
  exportOpen: false,
  exportForm: { format: 'labels', trackId: null, corrected: true, from: null, to: null, out: '', overwrite: false, zip: false },
  exportJob: null,
  setExportOpen: (exportOpen) => set({ exportOpen }),
  setExportForm: (patch) => set({ exportForm: { ...get().exportForm, ...patch } }),
  setExportJob: (exportJob) => set({ exportJob }),
  exportProgress: (jobId, progress) => {
    const j = get().exportJob;
    if (j && j.jobId === jobId && j.status === 'running') set({ exportJob: { ...j, progress } });
  },
  exportDone: (jobId, status, message, out) => {
    const j = get().exportJob;
    if (j && j.jobId === jobId) set({ exportJob: { ...j, status, message, out } });
  },
});
