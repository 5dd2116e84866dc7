/** Import dialog state: open/closed, the form, the checked plan (class mapping, frames) and the running job. */
import type { StateCreator } from 'zustand';
import type { ImportFormatName, ImportPlanInfo, ProgressInfo } from '../../../electron/shared/contract.ts';
import type { AppState } from './app-store.ts';

export interface ImportForm {
  format: ImportFormatName;
  /** Folder, .zip or (coco) .json on the backend's machine. */
  from: string;
  as: 'track' | 'corrections';
  /** as track: the new track's name. */
  name: string;
  /** as corrections: the track to correct. */
  trackId: string | null;
  replaceCorrected: boolean;
  /** Source class name → project class name or "void", as chosen in the mapping table. */
  map: Record<string, string>;
}

export interface ImportJobState {
  jobId: string;
  progress: ProgressInfo | null;
  status: 'running' | 'done' | 'failed' | 'cancelled';
  message: string;
}

export interface ImportSlice {
  importOpen: boolean;
  importForm: ImportForm;
  /** The plan for the form as it was when checked (null: not checked since the last change). */
  importPlan: ImportPlanInfo | null;
  importPlanError: string | null;
  importJob: ImportJobState | null;
  setImportOpen(open: boolean): void;
  /** Changing where or how to import drops the plan (it must be checked again). */
  setImportForm(patch: Partial<ImportForm>): void;
  setImportPlan(plan: ImportPlanInfo | null, error?: string | null): void;
  setImportJob(job: ImportJobState | null): void;
  importProgress(jobId: string, p: ProgressInfo): void;
  importDone(jobId: string, status: ImportJobState['status'], message: string): void;
}

export const createImportSlice: StateCreator<AppState, [], [], ImportSlice> = (set, get) => ({
  importOpen: false,
  importForm: { format: 'labels', from: '', as: 'track', name: 'imported', trackId: null, replaceCorrected: false, map: {} },
  importPlan: null,
  importPlanError: null,
  importJob: null,
  setImportOpen: (importOpen) => set({ importOpen }),
  setImportForm: (patch) => {
    const onlyMap = Object.keys(patch).every((k) => k === 'map');
    set({ importForm: { ...get().importForm, ...patch }, ...(onlyMap ? {} : { importPlan: null, importPlanError: null }) });
  },
  setImportPlan: (importPlan, error = null) => set({ importPlan, importPlanError: error }),
  setImportJob: (importJob) => set({ importJob }),
  importProgress: (jobId, progress) => {
    const j = get().importJob;
    if (j && j.jobId === jobId && j.status === 'running') set({ importJob: { ...j, progress } });
  },
  importDone: (jobId, status, message) => {
    const j = get().importJob;
    if (j && j.jobId === jobId) set({ importJob: { ...j, status, message } });
  },
});
