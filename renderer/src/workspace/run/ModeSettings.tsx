/**
 * The settings of the chosen mode (key interval; target/threshold/max interval and schedule; fusion,
 * window and weights; flow preset; provider).
 */
import { useShallow } from 'zustand/shallow';
import type { EngineSettings } from '../../../../electron/shared/contract.ts';
import { useApp } from '../../store/index.ts';

function NumberField({ label, field, min, max, step = 1, optional }: { label: string; field: 'keyInterval' | 'targetInterval' | 'maxInterval' | 'window' | 'threshold' | 'fuseCurrent' | 'fusePrevious'; min: number; max: number; step?: number; optional?: boolean }) {
  const value = useApp((s) => s.runForm.settings[field]);
  const set = useApp((s) => s.setRunSettings);
  return (
    <label>
      {label}
      <input
        type="number"
        min={min}
        max={max}
        step={step}
        data-testid={`run-${field}`}
        value={value ?? ''}
        placeholder={optional ? 'auto' : ''}
        onChange={(e) => {
          const v = e.target.value === '' ? undefined : Number(e.target.value);
          set({ [field]: v !== undefined && Number.isFinite(v) ? Math.min(max, Math.max(min, v)) : undefined } as EngineSettings);
        }}
      />
    </label>
  );
}

export function ModeSettings() {
  const { mode, fusion, preset, ep, lowLatency } = useApp(
    useShallow((s) => ({ mode: s.runForm.mode, fusion: s.runForm.settings.fusion, preset: s.runForm.settings.preset, ep: s.runForm.settings.executionProvider, lowLatency: s.runForm.settings.lowLatency })),
  );
  const set = useApp((s) => s.setRunSettings);
  return (
    <div className="mode-settings" data-testid="mode-settings">
      {mode === 'dff' && <NumberField label="Key interval" field="keyInterval" min={1} max={1000} />}
      {mode === 'adaptive' && (
        <>
          <NumberField label="Target interval" field="targetInterval" min={1} max={1000} />
          <NumberField label="Threshold" field="threshold" min={0} max={1e6} step={0.01} optional />
          <NumberField label="Max interval" field="maxInterval" min={1} max={1000} />
          <label title="Streaming use: a triggered key frame is answered from propagated features while its deep features are computed alongside (lower worst-case latency; the new key is used a frame or two later, so mIoU is lower). Off: the key frame waits for its own deep features.">
            <input type="checkbox" data-testid="run-lowLatency" checked={lowLatency === true} onChange={(e) => set({ lowLatency: e.target.checked || undefined })} />
            Low-latency schedule
          </label>
        </>
      )}
      {mode === 'fused' && (
        <>
          <label>
            Fusion
            <select data-testid="run-fusion" value={fusion} onChange={(e) => set({ fusion: e.target.value as 'causal' | 'bidirectional' })}>
              <option value="bidirectional">bidirectional</option>
              <option value="causal">causal</option>
            </select>
          </label>
          {fusion === 'bidirectional' && <NumberField label="Window" field="window" min={1} max={100} />}
          <NumberField label="Weight current" field="fuseCurrent" min={0.01} max={100} step={0.1} optional />
          <NumberField label="Weight previous" field="fusePrevious" min={0} max={100} step={0.1} optional />
        </>
      )}
      {mode !== 'per-frame' && (
        <label>
          Flow preset
          <select data-testid="run-preset" value={preset} onChange={(e) => set({ preset: e.target.value as EngineSettings['preset'] })}>
            <option value="ultrafast">ultrafast</option>
            <option value="fast">fast</option>
            <option value="medium">medium</option>
          </select>
        </label>
      )}
      <label>
        Provider
        <select data-testid="run-provider" value={ep} onChange={(e) => set({ executionProvider: e.target.value as EngineSettings['executionProvider'] })}>
          <option value="cpu">cpu</option>
          <option value="cuda">cuda</option>
          <option value="dml">dml</option>
          <option value="coreml">coreml</option>
        </select>
      </label>
    </div>
  );
}
