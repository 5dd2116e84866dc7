/** Run panel: model, mode and its settings, Run; while running a progress bar with fps, ETA and Cancel. */
import { useEffect } from 'react';
import { useShallow } from 'zustand/shallow';
import { ENGINE_MODES, type EngineMode } from '../../../../electron/shared/contract.ts';
import { useApp } from '../../store/index.ts';
import { PanelSection } from '../../components/PanelSection.tsx';
import { ModeSettings } from './ModeSettings.tsx';
import { RunProgress } from './RunProgress.tsx';
import { cancelRun, followRuns, loadModels, startRun } from './run-actions.ts';

export function RunPanel() {
  const models = useApp((s) => s.models);
  const form = useApp(useShallow((s) => s.runForm));
  const setRunForm = useApp((s) => s.setRunForm);
  const running = useApp((s) => s.activeRun !== null);
  const canRun = useApp((s) => !!s.project?.video && !s.project.videoMissing);

  useEffect(() => {
    void loadModels();
    return followRuns();
  }, []);

  return (
    <PanelSection id="run" title="Run the engine" className="run-panel">
      <div className="section-body" data-testid="run-panel">
      <label>
        Model
        <select data-testid="run-model" value={form.model ?? ''} onChange={(e) => setRunForm({ model: e.target.value || null })}>
          {models.map((m) => (
            <option key={m.dir} value={m.name}>
              {m.name}
              {m.isDefault ? ' (default)' : m.name.startsWith('test-tiny/') ? ' (test)' : ''}
            </option>
          ))}
        </select>
      </label>
      <label>
        Mode
        <select data-testid="run-mode" value={form.mode} onChange={(e) => setRunForm({ mode: e.target.value as EngineMode })}>
          {ENGINE_MODES.map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </select>
      </label>
      <ModeSettings />
      {running ? (
        <RunProgress onCancel={() => void cancelRun()} />
      ) : (
        <button className="primary" data-testid="run-button" disabled={!canRun} onClick={() => void startRun()}>
          Run
        </button>
      )}
      </div>
    </PanelSection>
  );
}
