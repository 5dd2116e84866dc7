/**
 * The one table of engine settings: name, default, range, the modes that use it, CLI flag, label
 * and help. It drives the engine's checks (engine/segment/settings.ts), the contract's run
 * settings (engineSettingsSchema), `vss segment`'s flags and help (cli/commands/segment-options.ts),
 * the run panel's fields and defaults, and the default track names. Meanings in depth:
 * electron/engine/modes/README.md.
 */
import { ValidationError } from './errors.ts';
import type { Schema } from './schema.ts';
import { expectBoolean, expectInt, expectNumber, expectObject, expectOneOf } from './validate.ts';

export const ENGINE_MODES = ['per-frame', 'dff', 'adaptive', 'fused'] as const;
export type EngineMode = (typeof ENGINE_MODES)[number];
export const FUSION_KINDS = ['bidirectional', 'causal'] as const;
export type FusionKind = (typeof FUSION_KINDS)[number];
export const DIS_PRESET_NAMES = ['ultrafast', 'fast', 'medium'] as const;
export type DisPreset = (typeof DIS_PRESET_NAMES)[number];
export const EXECUTION_PROVIDERS = ['cpu', 'cuda', 'dml', 'coreml'] as const;
export type ExecutionProvider = (typeof EXECUTION_PROVIDERS)[number];

interface SettingBase {
  /** Command-line flag without the dashes. */
  flag: string;
  /** Run panel label. */
  label: string;
  /** One line for `--help` and the run panel's tooltip. */
  help: string;
  /** Modes that read the setting. */
  modes: readonly EngineMode[];
  /** Shown when the default is not a constant (nothing is filled in): "2 × the target interval". */
  defaultText?: string;
  /** Only meaningful while another setting has this value (e.g. window needs bidirectional fusion). */
  onlyWith?: { key: 'fusion'; value: FusionKind };
  /** Not in the run panel (command line and scripts only). */
  cliOnly?: boolean;
}

interface NumericSetting extends SettingBase {
  kind: 'int' | 'number';
  default?: number;
  min: number;
  max: number;
  /** The range excludes `min`: (min, max]. */
  minExclusive?: boolean;
  /** Placeholder of the value in help: "K". */
  value: string;
  /** Run panel step. */
  step?: number;
}

interface ChoiceSetting extends SettingBase {
  kind: 'choice';
  choices: readonly string[];
  default: string;
}

interface SwitchSetting extends SettingBase {
  kind: 'switch';
  /** The CLI also takes --no-<flag> (the default depends on another setting). */
  negatable?: boolean;
}

export type SettingDef = NumericSetting | ChoiceSetting | SwitchSetting;

const FLOW_MODES = ['dff', 'adaptive', 'fused'] as const;

export const ENGINE_SETTINGS = {
  keyInterval: { kind: 'int', flag: 'key-interval', value: 'K', label: 'Key interval', modes: ['dff'], default: 5, min: 1, max: 1000, help: 'a key frame every K frames' },
  targetInterval: { kind: 'number', flag: 'target-interval', value: 'T', label: 'Target interval', modes: ['adaptive'], default: 5, min: 1, max: 1000, help: 'aim for a key frame every T frames on average (calibrates the threshold online)' },
  threshold: { kind: 'number', flag: 'threshold', value: 'X', label: 'Threshold', modes: ['adaptive'], min: 0, minExclusive: true, max: 1e6, step: 0.01, defaultText: 'calibrated online', help: 'fixed key-frame threshold on the renewal statistic (turns the calibration off)' },
  maxInterval: { kind: 'int', flag: 'max-interval', value: 'M', label: 'Max interval', modes: ['adaptive'], min: 1, max: 10000, defaultText: '2 × the target interval', help: 'longest run without a key frame' },
  lowLatency: { kind: 'switch', flag: 'low-latency', label: 'Low-latency schedule', modes: ['dff', 'adaptive'], negatable: true, defaultText: 'on for realtime runs', help: 'no frame waits for a later one (lower latency, lower mIoU): dff puts the key first in each run of K instead of in its middle; adaptive answers a triggered key frame from propagated features while its deep features are computed' },
  fusion: { kind: 'choice', flag: 'fusion', label: 'Fusion', modes: ['fused'], choices: FUSION_KINDS, default: 'bidirectional', help: 'past frames only (causal), or past and future (bidirectional)' },
  window: { kind: 'int', flag: 'window', value: 'W', label: 'Window', modes: ['fused'], onlyWith: { key: 'fusion', value: 'bidirectional' }, default: 8, min: 1, max: 256, help: 'bidirectional fusion: frames per window of the backward pass' },
  fuseCurrent: { kind: 'number', flag: 'fuse-current', value: 'A', label: 'Weight current', modes: ['fused'], default: 1, min: 0, minExclusive: true, max: 100, step: 0.1, help: "weight of the current frame's probabilities" },
  fusePrevious: { kind: 'number', flag: 'fuse-previous', value: 'B', label: 'Weight previous', modes: ['fused'], default: 1.5, min: 0, max: 100, step: 0.1, help: 'weight of the warped fused past' },
  preset: { kind: 'choice', flag: 'preset', label: 'Flow preset', modes: FLOW_MODES, choices: DIS_PRESET_NAMES, default: 'ultrafast', help: 'DIS optical flow preset' },
  flowScale: { kind: 'number', flag: 'flow-scale', value: 'S', label: 'Flow scale', modes: FLOW_MODES, cliOnly: true, default: 0.25, min: 0, minExclusive: true, max: 1, help: 'flow resolution relative to the model input' },
  executionProvider: { kind: 'choice', flag: 'ep', label: 'Provider', modes: ENGINE_MODES, choices: EXECUTION_PROVIDERS, default: 'cpu', help: 'ONNX Runtime execution provider (falls back to cpu with a note)' },
  threads: { kind: 'int', flag: 'threads', value: 'N', label: 'Threads', modes: ENGINE_MODES, cliOnly: true, min: 1, max: 64, defaultText: "ONNX Runtime's choice", help: 'inference threads' },
} as const satisfies Record<string, SettingDef>;

export type SettingKey = keyof typeof ENGINE_SETTINGS;
type ValueOf<D> = D extends { kind: 'choice'; choices: readonly (infer C)[] } ? C : D extends { kind: 'switch' } ? boolean : number;

/** Engine settings as requests carry them: all optional (absent: the engine's default). */
export type EngineSettings = { -readonly [K in SettingKey]?: ValueOf<(typeof ENGINE_SETTINGS)[K]> };

export const SETTING_KEYS = Object.keys(ENGINE_SETTINGS) as SettingKey[];

/** The table entry of a key, widened to the common shape. */
export function settingDef(key: SettingKey): SettingDef {
  return ENGINE_SETTINGS[key];
}

/** The constant default of every setting that has one. */
export const SETTING_DEFAULTS: EngineSettings = Object.fromEntries(
  SETTING_KEYS.flatMap((k) => {
    const d = settingDef(k);
    return 'default' in d && d.default !== undefined ? [[k, d.default]] : [];
  }),
);

/** maxInterval when it is not set: twice the target interval (at least 2). */
export function defaultMaxInterval(targetInterval: number): number {
  return Math.max(2, 2 * Math.round(targetInterval));
}

/** Checks one value against its table entry; `where` names it in the message ("--window", "req.settings.window"). */
export function checkSetting(key: SettingKey, v: unknown, where: string): number | string | boolean {
  const d = settingDef(key);
  switch (d.kind) {
    case 'switch':
      return expectBoolean(v, where);
    case 'choice':
      return expectOneOf(v, d.choices, where);
    case 'int':
      return expectInt(v, where, d);
    case 'number':
      return expectNumber(v, where, d);
  }
}

/** Checks every present setting (absent and null stay absent); unknown keys are dropped. */
export function checkSettings(v: unknown, whereOf: (key: SettingKey) => string): EngineSettings {
  const o = expectObject(v ?? {}, 'settings');
  const out: Record<string, unknown> = {};
  for (const k of SETTING_KEYS) {
    if (o[k] !== undefined && o[k] !== null) out[k] = checkSetting(k, o[k], whereOf(k));
  }
  return out as EngineSettings;
}

export const engineSettingsSchema: Schema<EngineSettings> = {
  parse: (v, where) => {
    if (v !== undefined && v !== null && (typeof v !== 'object' || Array.isArray(v))) throw new ValidationError(`${where} must be an object`);
    return checkSettings(v, (k) => `${where}.${k}`);
  },
};

/** Whether `key` matters for `mode` given the other settings (the run panel shows exactly these). */
export function settingApplies(key: SettingKey, mode: EngineMode, s: EngineSettings): boolean {
  const d = settingDef(key);
  if (!d.modes.includes(mode)) return false;
  if (!d.onlyWith) return true;
  return (s[d.onlyWith.key] ?? SETTING_DEFAULTS[d.onlyWith.key]) === d.onlyWith.value;
}

/** Only the settings that matter for a mode (the rest are left to the engine's defaults). */
export function settingsForMode(mode: EngineMode, s: EngineSettings): EngineSettings {
  return Object.fromEntries(SETTING_KEYS.filter((k) => s[k] !== undefined && settingApplies(k, mode, s)).map((k) => [k, s[k]]));
}

/** Default display names of engine-run tracks ("per-frame", "dff K=5", "fused (bidirectional)"). */
export function defaultTrackName(mode: EngineMode, s: EngineSettings): string {
  const v = <K extends SettingKey>(k: K): EngineSettings[K] => s[k] ?? SETTING_DEFAULTS[k];
  switch (mode) {
    case 'per-frame':
      return 'per-frame';
    case 'dff':
      return `dff K=${v('keyInterval')}` + (s.lowLatency ? ' low-latency' : '');
    case 'adaptive':
      return (s.threshold !== undefined ? `adaptive thr=${s.threshold}` : `adaptive T=${v('targetInterval')}`) + (s.lowLatency ? ' low-latency' : '');
    case 'fused':
      return `fused (${v('fusion')})`;
  }
}

/** `name`, or `name (2)`, `name (3)`… whichever is not taken (case-insensitive). */
export function uniqueName(name: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((t) => t.toLowerCase()));
  if (!used.has(name.toLowerCase())) return name;
  for (let i = 2; ; i++) {
    const candidate = `${name} (${i})`;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}
