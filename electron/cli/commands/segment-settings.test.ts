/**
 * The engine settings table round-trips: every setting has one `vss segment` flag with the table's
 * default, range and choices; a value goes from the command line through the engine's settings
 * and the contract unchanged; a value just outside the range fails all three alike; and the run
 * panel starts from the table's defaults.
 */
import test from 'node:test';
import assert from 'node:assert/strict';
import { parseCommandArgs, UsageError } from '../args.ts';
import { ENGINE_OPTIONS, RUN_OPTIONS } from './segment-options.ts';
import { settingsFrom } from './segment.ts';
import { settingDef, SETTING_KEYS, type SettingKey } from '../../core/engine-settings.ts';
import { ValidationError } from '../../core/errors.ts';
import { segmentSettings } from '../../engine/segment/settings.ts';
import { requestValidators } from '../../shared/contract.ts';
import { DEFAULT_RUN_FORM } from '../../../renderer/src/store/run-slice.ts';

const parse = (...flags: string[]) => parseCommandArgs(['clip.mp4', '--out', 'o', ...flags], [...RUN_OPTIONS, ...ENGINE_OPTIONS], [{ name: 'video' }]);
const contract = (key: SettingKey, v: unknown) => requestValidators['engine.run']({ projectId: 'p', mode: 'fused', settings: { [key]: v } }, 'engine.run').settings[key];

/** A valid value other than the default, as a flag would carry it. */
function sample(key: SettingKey): { argv: string[]; value: number | string | boolean } {
  const d = settingDef(key);
  if (d.kind === 'switch') return { argv: [`--${d.flag}`], value: true };
  if (d.kind === 'choice') return { argv: [`--${d.flag}`, d.choices.at(-1)!], value: d.choices.at(-1)! };
  return { argv: [`--${d.flag}`, String(d.max)], value: d.max };
}

test('every table setting has one flag with the table default, range and choices', () => {
  for (const key of SETTING_KEYS) {
    const d = settingDef(key);
    const spec = ENGINE_OPTIONS.find((o) => o.name === d.flag);
    assert.ok(spec, `--${d.flag}`);
    assert.ok(spec.help.includes(d.help), `--${d.flag} help`);
    if (d.kind === 'choice') assert.deepEqual([spec.choices, spec.default], [d.choices, d.default], key);
    if (d.kind === 'int' || d.kind === 'number') assert.deepEqual([spec.kind, spec.min, spec.max, spec.default], [d.kind, d.min, d.max, d.default], key);
  }
  const defaults = settingsFrom(parse());
  for (const key of SETTING_KEYS) {
    const d = settingDef(key);
    if ('default' in d && d.default !== undefined) assert.equal(defaults[key], d.default, key);
  }
});

test('a value goes from the command line through the engine settings and the contract unchanged', () => {
  for (const key of SETTING_KEYS) {
    const { argv, value } = sample(key);
    assert.equal(settingsFrom(parse(...argv))[key], value, argv.join(' '));
    assert.equal(contract(key, value), value, key);
  }
});

test('just outside the range fails the command line, the engine and the contract alike', () => {
  for (const key of SETTING_KEYS) {
    const d = settingDef(key);
    if (d.kind !== 'int' && d.kind !== 'number') continue;
    for (const bad of [d.minExclusive ? d.min : d.min - 1, d.max + 1]) {
      assert.throws(() => parse(`--${d.flag}`, String(bad)), UsageError, `--${d.flag} ${bad}`);
      assert.throws(() => segmentSettings({ [key]: bad }), (e: unknown) => e instanceof ValidationError && e.message.startsWith(`--${d.flag} must be`), `engine ${key}=${bad}`);
      assert.throws(() => contract(key, bad), new RegExp(`engine\\.run\\.settings\\.${key} must be`), `contract ${key}=${bad}`);
    }
  }
});

test('the run panel starts from the table defaults of the settings it shows, which the contract accepts', () => {
  for (const key of SETTING_KEYS) {
    const d = settingDef(key);
    const expected = d.cliOnly || !('default' in d) ? undefined : d.default;
    assert.equal(DEFAULT_RUN_FORM.settings[key], expected, key);
  }
  const parsed = requestValidators['engine.run']({ projectId: 'p', mode: 'dff', settings: DEFAULT_RUN_FORM.settings }, 'engine.run');
  assert.deepEqual(parsed.settings, DEFAULT_RUN_FORM.settings);
});
