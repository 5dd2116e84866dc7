/** Engine runs from the UI: installed models, the run panel's choices and the run in progress. */
import type { StateCreator } from 'zustand';
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

export const DEFAULT_RUN_FORM: RunForm = {
  model: null,
  mode: 'dff',
  settings: { keyInterval: 5, targetInterval: 5, maxInterval: 10, fusion: 'bidirectional', window: 8, preset: 'ultrafast', executionProvider: 'cpu' },
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

/** Only the settings that matter for a mode are sent (the rest are engine defaults). */
export function settingsForMode(mode: EngineMode, s: EngineSettings): EngineSettings {
  const common: EngineSettings = { executionProvider: s.executionProvider, preset: s.preset };
  switch (mode) {
    case 'per-frame':
      return { executionProvider: s.executionProvider };
    case 'dff':
      return { ...common, keyInterval: s.keyInterval };
    case 'adaptive':
      return {
        ...common,
        targetInterval: s.targetInterval,
        maxInterval: s.maxInterval,
        ...(s.threshold !== undefined ? { threshold: s.threshold } : {}),
        ...(s.lowLatency ? { lowLatency: true } : {}),
      };
    case 'fused':
      return {
        ...common,
        fusion: s.fusion,
        window: s.window,
        ...(s.fuseCurrent !== undefined ? { fuseCurrent: s.fuseCurrent } : {}),
        ...(s.fusePrevious !== undefined ? { fusePrevious: s.fusePrevious } : {}),
      };
  }
}
