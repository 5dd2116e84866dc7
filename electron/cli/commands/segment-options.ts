/**
 * The flags of `vss segment`, as data. The engine settings' flags, defaults, ranges, choices and
 * help come from the engine settings table (core/engine-settings.ts), which also checks them in
 * the engine and the contract. Meanings of every setting: electron/engine/modes/README.md.
 */
import type { OptionSpec } from '../args.ts';
import { ENGINE_MODES, settingDef, SETTING_KEYS, type SettingDef, type SettingKey } from '../../core/engine-settings.ts';
import { OUT_DIR_OPTION } from './shared-options.ts';

/** "dff: ", "adaptive: ", or nothing for settings every mode reads. */
function modesPrefix(d: SettingDef): string {
  return d.modes.length === ENGINE_MODES.length ? '' : `${d.modes.join(', ')}: `;
}

/** The flag(s) of one table setting (a negatable switch also gets --no-<flag>). */
export function settingOptions(key: SettingKey): OptionSpec[] {
  const d = settingDef(key);
  const help = modesPrefix(d) + d.help;
  const shown = d.defaultText !== undefined ? { defaultText: d.defaultText } : {};
  switch (d.kind) {
    case 'switch':
      return [{ name: d.flag, kind: 'switch', help: help + (d.defaultText ? ` (default: ${d.defaultText})` : '') }, ...(d.negatable ? [{ name: `no-${d.flag}`, kind: 'switch' as const, help: `${modesPrefix(d)}turn --${d.flag} off` }] : [])];
    case 'choice':
      return [{ name: d.flag, kind: 'string', choices: d.choices, default: d.default, help }];
    case 'int':
    case 'number':
      return [{ name: d.flag, kind: d.kind, value: d.value, ...(d.default !== undefined ? { default: d.default } : shown), min: d.min, max: d.max, ...(d.minExclusive ? { minExclusive: true } : {}), help }];
  }
}

/** Flags that set engine settings (SegmentSettings), in help order. */
export const ENGINE_OPTIONS: readonly OptionSpec[] = [
  { name: 'mode', kind: 'string', choices: ENGINE_MODES, default: 'per-frame', help: 'per frame, Deep Feature Flow key frames, adaptive key frames, or temporal fusion' },
  { name: 'model', kind: 'string', value: 'bundle-dir', defaultText: 'camvid-edge in $VSS_MODELS_DIR or native-models/', help: 'model bundle folder (with model.json)' },
  ...SETTING_KEYS.flatMap(settingOptions),
  { name: 'no-tc', kind: 'switch', help: 'skip the temporal-consistency score' },
];

/** Flags about the run itself rather than the engine. */
export const RUN_OPTIONS: readonly OptionSpec[] = [
  { ...OUT_DIR_OPTION, help: 'output folder: labels/, confidence/, summary.json (written to a temp folder, renamed at the end)' },
  { name: 'force', kind: 'switch', help: 'replace a non-empty --out folder' },
  { name: 'realtime', kind: 'switch', help: "feed frames at the source's frame rate, as a camera would (streaming use)" },
  { name: 'realtime-fps', kind: 'number', value: 'F', min: 0, minExclusive: true, max: 1000, defaultText: "the source's", help: 'with --realtime: the camera rate' },
  { name: 'progress', kind: 'switch', help: 'progress lines on stderr also when it is not a terminal' },
];
