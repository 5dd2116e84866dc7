import assert from 'node:assert/strict';
import { test } from 'node:test';
import { COMMON_OPTIONS, parseCommandArgs, UsageError, type OptionSpec, type PositionalSpec } from './args.ts';
import { closest, editDistance } from './suggest.ts';

const specs: OptionSpec[] = [
  { name: 'out', kind: 'string', required: true, help: 'out' },
  { name: 'key-interval', kind: 'int', min: 1, max: 1000, default: 5, help: 'k' },
  { name: 'opacity', kind: 'number', min: 0, max: 1, help: 'a' },
  { name: 'rate', kind: 'number', min: 0, minExclusive: true, max: 1000, help: 'r' },
  { name: 'mode', kind: 'string', choices: ['per-frame', 'dff'], default: 'per-frame', help: 'm' },
  { name: 'force', kind: 'switch', help: 'f' },
  ...COMMON_OPTIONS,
];
const pos: PositionalSpec[] = [{ name: 'video' }, { name: 'extra', optional: true }];
const parse = (...argv: string[]) => parseCommandArgs(argv, specs, pos);
const usage = (argv: string[], re: RegExp) =>
  assert.throws(() => parse(...argv), (e: unknown) => e instanceof UsageError && re.test(e.message), argv.join(' '));

test('values are typed, defaults fill in, explicit() tells given from default', () => {
  const a = parse('clip.mp4', '--out', 'o', '--key-interval=8', '--opacity', '0.5', '--force');
  assert.deepEqual(a.positionals, ['clip.mp4']);
  assert.equal(a.need('out'), 'o');
  assert.equal(a.number('key-interval'), 8);
  assert.equal(a.number('opacity'), 0.5);
  assert.equal(a.flag('force'), true);
  assert.equal(a.string('mode'), 'per-frame');
  assert.equal(a.explicit('mode'), undefined);
  const b = parse('clip.mp4', '--out', 'o');
  assert.equal(b.number('key-interval'), 5);
  assert.equal(b.flag('force'), false);
  assert.equal(b.number('rate'), undefined);
});

test('an unknown flag is refused with the closest known one', () => {
  usage(['clip.mp4', '--out', 'o', '--key-intreval', '8'], /^unknown option --key-intreval \(did you mean --key-interval\?\)$/);
  usage(['clip.mp4', '--out', 'o', '--forse'], /^unknown option --forse \(did you mean --force\?\)$/);
  usage(['clip.mp4', '--out', 'o', '--zzzzzz'], /^unknown option --zzzzzz$/);
  usage(['clip.mp4', '--out', 'o', '-x'], /^unknown option -x$/);
});

test('missing values, values on switches, malformed numbers, ranges and choices are usage errors naming the flag', () => {
  usage(['clip.mp4', '--out'], /^--out needs a value$/);
  usage(['clip.mp4', '--out', '--force'], /^--out needs a value \(got --force; write --out=--force if that is the value\)$/);
  usage(['clip.mp4', '--out', 'o', '--force=yes'], /^--force takes no value$/);
  usage(['clip.mp4', '--out', 'o', '--key-interval', '1.5'], /^--key-interval must be an integer 1\.\.1000, got "1\.5"$/);
  usage(['clip.mp4', '--out', 'o', '--key-interval', '0'], /^--key-interval must be an integer 1\.\.1000, got 0$/);
  usage(['clip.mp4', '--out', 'o', '--opacity', 'abc'], /^--opacity must be a number 0\.\.1, got "abc"$/);
  usage(['clip.mp4', '--out', 'o', '--rate', '0'], /^--rate must be a number in \(0, 1000\], got 0$/);
  usage(['clip.mp4', '--out', 'o', '--mode', 'warp'], /^--mode must be one of per-frame, dff, got "warp"$/);
  assert.equal(parse('clip.mp4', '--out=-dash-folder').need('out'), '-dash-folder');
});

test('required flags and the number of positionals are checked; --help skips every check', () => {
  usage(['clip.mp4'], /^missing --out$/);
  usage(['--out', 'o'], /^missing <video>$/);
  usage(['a', 'b', 'c', '--out', 'o'], /^unexpected argument "c"$/);
  assert.deepEqual(parse('a', 'b', '--out', 'o').positionals, ['a', 'b']);
  assert.equal(parse('--help').flag('help'), true);
  assert.equal(parse('-h', '--mode', 'warp').flag('help'), true);
  assert.deepEqual(parse('--out', 'o', '--', '--clip.mp4').positionals, ['--clip.mp4']);
});

test('edit distance counts an adjacent swap as one edit; closest() only suggests plausible typos', () => {
  assert.equal(editDistance('key-intreval', 'key-interval'), 1);
  assert.equal(editDistance('', 'abc'), 3);
  assert.equal(editDistance('kitten', 'sitting'), 3);
  assert.equal(closest('segmnet', ['probe', 'segment', 'serve']), 'segment');
  assert.equal(closest('outt', ['out', 'model']), 'out');
  assert.equal(closest('xyz', ['out', 'model']), undefined);
});
