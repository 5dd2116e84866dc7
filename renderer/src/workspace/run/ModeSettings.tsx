/**
 * The settings of the chosen mode, one field per entry of the engine settings table
 * (core/engine-settings.ts) that the mode reads: its label, range, choices, default and help come
 * from the table, so the panel offers exactly what the engine accepts. An out-of-range number is
 * marked invalid with the table's message, and startRun refuses it.
 */
import { useShallow } from 'zustand/shallow';
import { settingApplies, settingDef, SETTING_KEYS, type EngineSettings, type SettingKey } from '../../../../electron/core/engine-settings.ts';
import { useApp } from '../../store/index.ts';
import { settingProblem } from './run-actions.ts';

function SettingField({ field }: { field: SettingKey }) {
  const d = settingDef(field);
  const value = useApp((s) => s.runForm.settings[field]);
  const set = useApp((s) => s.setRunSettings);
  const put = (v: EngineSettings[SettingKey]) => set({ [field]: v } as EngineSettings);
  const testId = `run-${field}`;
  if (d.kind === 'switch') {
    return (
      <label title={d.help}>
        <input type="checkbox" data-testid={testId} checked={value === true} onChange={(e) => put(e.target.checked || undefined)} />
        {d.label}
      </label>
    );
  }
  if (d.kind === 'choice') {
    return (
      <label title={d.help}>
        {d.label}
        <select data-testid={testId} value={String(value ?? d.default)} onChange={(e) => put(e.target.value as EngineSettings[SettingKey])}>
          {d.choices.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </label>
    );
  }
  const problem = settingProblem(field, value);
  return (
    <label title={problem ?? d.help}>
      {d.label}
      <input
        type="number"
        min={d.min}
        max={d.max}
        step={d.step ?? 1}
        data-testid={testId}
        aria-invalid={problem !== null}
        value={typeof value === 'number' ? value : ''}
        placeholder={d.defaultText ?? ''}
        onChange={(e) => {
          const v = e.target.value === '' ? undefined : Number(e.target.value);
          put(v !== undefined && Number.isFinite(v) ? v : undefined);
        }}
      />
    </label>
  );
}

export function ModeSettings() {
  const { mode, settings } = useApp(useShallow((s) => ({ mode: s.runForm.mode, settings: s.runForm.settings })));
  const shown = SETTING_KEYS.filter((k) => !settingDef(k).cliOnly && settingApplies(k, mode, settings));
  return (
    <div className="mode-settings" data-testid="mode-settings">
      {shown.map((k) => (
        <SettingField key={k} field={k} />
      ))}
    </div>
  );
}
