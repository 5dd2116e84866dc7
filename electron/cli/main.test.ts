/** vss conventions: --version, --help for every command, did-you-mean, exit codes, JSON vs human output. */
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { COMMON_OPTIONS } from './args.ts';
import type { CliIO } from './command.ts';
import { commands } from './commands/index.ts';
import { ENV_VARS } from './env.ts';
import { main } from './main.ts';
import { packageRoot } from '../shared/package-root.ts';
import { makePngFolder } from '../backend/video/testing/make-clip.ts';

async function vss(argv: string[], tty: Partial<CliIO> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t), ...tty });
  return { code, out: out.join('\n'), err };
}

const frames = makePngFolder(['a1.png', 'a2.png'], 32, 16);
after(() => rmSync(frames, { recursive: true, force: true }));

test('vss --version, -V and version print the package version', async () => {
  const { version } = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string };
  for (const v of ['--version', '-V', 'version']) assert.deepEqual(await vss([v]), { code: 0, out: `vss ${version}`, err: [] });
});

test('vss --help lists every command, the exit codes and every environment variable', async () => {
  for (const argv of [['--help'], ['-h'], ['help']]) {
    const r = await vss(argv);
    assert.equal(r.code, 0);
    for (const c of commands) assert.match(r.out, new RegExp(`^  ${c.name} +${c.summary.slice(0, 20).replace(/[()]/g, '\\$&')}`, 'm'));
    for (const v of ENV_VARS) assert.match(r.out, new RegExp(`^  ${v.name} +\\S`, 'm'), v.name);
    assert.match(r.out, /^ {2}130 +interrupted by Ctrl\+C/m);
  }
  const bare = await vss([]);
  assert.equal(bare.code, 2, 'no command is a usage error');
  assert.match(bare.err.join('\n'), /^usage: vss <command>/);
});

test('vss <command> --help shows usage, every flag with its default, and examples', async () => {
  for (const c of commands) {
    for (const argv of [[c.name, '--help'], [c.name, '-h'], ['help', c.name]]) {
      const r = await vss(argv);
      assert.equal(r.code, 0, argv.join(' '));
      assert.match(r.out, new RegExp(`^usage: vss ${c.name} `));
      for (const o of [...c.options, ...COMMON_OPTIONS]) {
        assert.match(r.out, new RegExp(`--${o.name}\\b`), `${c.name} --${o.name}`);
        const def = o.defaultText ?? (o.default !== undefined && o.kind !== 'switch' ? String(o.default) : undefined);
        if (def !== undefined) assert.ok(r.out.includes(`(default: ${def})`), `${c.name} --${o.name} default`);
      }
      assert.ok(c.examples.length > 0 && c.examples.every((e) => r.out.includes(`  ${e}`)), `${c.name} examples`);
    }
  }
  const seg = await vss(['segment', '--help']);
  assert.match(seg.out, /--mode <per-frame\|dff\|adaptive\|fused>\s+.*\(default: per-frame\)/);
});

test('unknown commands and flags exit 2 with "did you mean"', async () => {
  const cmd = await vss(['segmnet']);
  assert.deepEqual([cmd.code, cmd.err], [2, ['vss: unknown command "segmnet" (did you mean segment?); see vss --help']]);
  const top = await vss(['--verison']);
  assert.deepEqual([top.code, top.err], [2, ['vss: unknown option --verison (did you mean --version?); see vss --help']]);
  const flag = await vss(['segment', frames, '--out', 'o', '--key-intreval', '8']);
  assert.deepEqual([flag.code, flag.err], [2, ['vss segment: unknown option --key-intreval (did you mean --key-interval?)']]);
  const help = await vss(['help', 'nope']);
  assert.equal(help.code, 2);
});

test('exit codes: usage error 2, runtime failure 1, success 0', async () => {
  assert.equal((await vss(['probe'])).code, 2);
  assert.equal((await vss(['probe', frames, 'extra'])).code, 2);
  const missing = await vss(['probe', join(frames, 'nope')]);
  assert.equal(missing.code, 1);
  assert.equal(missing.err.length, 1);
  assert.equal((await vss(['probe', frames])).code, 0);
});

test('output: one JSON line when stdout is not a terminal or with --json, human-readable on a terminal', async () => {
  const piped = await vss(['probe', frames]);
  assert.equal(JSON.parse(piped.out).frameCount, 2);
  const human = await vss(['probe', frames], { stdoutTTY: true });
  assert.throws(() => JSON.parse(human.out));
  assert.match(human.out, /^frames: +2$/m);
  assert.match(human.out, /^size: +32x16$/m);
  for (const argv of [['probe', frames, '--json'], ['--json', 'probe', frames]]) {
    const forced = await vss(argv, { stdoutTTY: true });
    assert.equal(forced.out.split('\n').length, 1);
    assert.equal(JSON.parse(forced.out).frameCount, 2);
  }
});

test('an aborted run (Ctrl+C) exits 130, SIGTERM 143', async () => {
  const c = new AbortController();
  c.abort('SIGINT');
  const r = await main(['probe', frames], { out: () => undefined, err: () => undefined }, c.signal);
  assert.equal(r, 130);
  const t = new AbortController();
  t.abort('SIGTERM');
  assert.equal(await main(['probe', frames], { out: () => undefined, err: () => undefined }, t.signal), 143);
});
