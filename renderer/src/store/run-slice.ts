/** Engine runs from the UI: installed models, the run panel's choices and the run in progress. */
import type { StateCreator } from 'zustand';
import { settingDef, SETTING_DEFAULTS, SETTING_KEYS } from '../../../electron/core/engine-settings.ts';
import type { EngineMode, EngineSettings, ModelInfo, ProgressInfo } from '../../../electron/shared/contract.ts';
import type { AppState } from './app-store.ts';

export interface RunForm {
  /** Model name (models.list), null = the default bundle. */
  model: string | null;
  mode: EngineMode;
  settings: EngineSettings;
}

export interface ActiveRun {
  runId: string;
  projectId: string;
  trackId: string;
  progress: ProgressInfo | null;
}

export interface RunSlice {
  models: ModelInfo[];
  runForm: RunForm;
  activeRun: ActiveRun | null;
  setModels(models: ModelInfo[]): void;
  setRunForm(patch: Partial<RunForm>): void;
  setRunSettings(patch: EngineSettings): void;
  setActiveRun(run: ActiveRun | null): void;
  setRunProgress(runId: string, progress: ProgressInfo, trackId: string): void;
}

/** The run panel starts on dff with the table's defaults of the settings it shows. */
export const DEFAULT_RUN_FORM: RunForm = {
  model: null,
  mode: 'dff',
  settings: Object.fromEntries(SETTING_KEYS.filter((k) => !settingDef(k).cliOnly && SETTING_DEFAULTS[k] !== undefined).map((k) => [k, SETTING_DEFAULTS[k]])),
};

export const createRunSlice: StateCreator<AppState, [], [], RunSlice> = (set, get) => ({
  models: [],
  runForm: DEFAULT_RUN_FORM,
  activeRun: null,
  setModels: (models) => set({ models }),
  setRunForm: (patch) => set({ runForm: { ...get().runForm, ...patch } }),
  setRunSettings: (patch) => set({ runForm: { ...get().runForm, settings: { ...get().runForm.settings, ...patch } } }),
  setActiveRun: (activeRun) => set({ activeRun }),
  setRunProgress: (runId, progress, trackId) => {
    const r = get().activeRun;
    if (r && r.runId === runId) set({ activeRun: { ...r, trackId, progress } });
  },
});
