/**
 * The CLI runs from built JavaScript: the esbuild bundle works without tsx, bin/vss.mjs picks it
 * (or the sources in a development checkout whose bundle is missing or stale), and nothing that
 * ships imports tsx, which is a development dependency only.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { after, test } from 'node:test';
import { packageRoot } from '../shared/package-root.ts';
// @ts-expect-error plain JavaScript module without type declarations
import { chooseCli } from '../../bin/resolve-cli.mjs';

const root = packageRoot();
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  version: string;
  engines: { node: string };
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const tmp = mkdtempSync(join(tmpdir(), 'vss-cli-bundle-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

type Choice = { from: 'dist' | 'source'; path: string } | { error: string };
const choose = chooseCli as (root: string, env: Record<string, string | undefined>) => Choice;

test('the built CLI bundle runs with plain node: --version, --help, exit codes', () => {
  const out = join(tmp, 'build');
  const b = spawnSync(process.execPath, ['scripts/build-electron.mjs', '--only=cli', `--outdir=${out}`], { cwd: root, encoding: 'utf8' });
  assert.equal(b.status, 0, b.stderr);
  // Beside the repository's node_modules, as dist/electron/ is.
  symlinkSync(join(root, 'node_modules'), join(tmp, 'node_modules'), 'dir');
  const bundle = readFileSync(join(out, 'vss.mjs'), 'utf8');
  assert.doesNotMatch(bundle, /["']tsx(\/[^"']*)?["']/, 'the bundle imports tsx');
  const run = (...argv: string[]) => spawnSync(process.execPath, ['--no-warnings', join(out, 'vss.mjs'), ...argv], { encoding: 'utf8' });
  const v = run('--version');
  assert.deepEqual([v.status, v.stdout.trim()], [0, `vss ${pkg.version}`]);
  const h = run('segment', '--help');
  assert.equal(h.status, 0);
  assert.match(h.stdout, /^usage: vss segment <video\|frames-dir> --out <dir> \[options\]/);
  const bad = run('probe', 'x', '--verfy', 'full');
  assert.deepEqual([bad.status, bad.stderr.trim()], [2, 'vss probe: unknown option --verfy (did you mean --verify?)']);
});

test('bin/vss.mjs: the bundle when built and current, the sources in a checkout without it or with a stale one', () => {
  const r = join(tmp, 'checkout');
  const file = (p: string, mtimeSec: number) => {
    mkdirSync(dirname(join(r, p)), { recursive: true });
    writeFileSync(join(r, p), '');
    utimesSync(join(r, p), mtimeSec, mtimeSec);
  };
  file('electron/cli/entry.ts', 1000);
  file('electron/engine/x.ts', 1000);
  file('electron/engine/x.test.ts', 5000);
  mkdirSync(join(r, 'node_modules', 'tsx'), { recursive: true });
  const at = (env: Record<string, string | undefined> = {}) => {
    const c = choose(r, env);
    return 'error' in c ? c.error : `${c.from}:${relative(r, c.path)}`;
  };
  assert.equal(at(), 'source:electron/cli/entry.ts', 'no bundle: sources');
  file('dist/electron/vss.mjs', 2000);
  assert.equal(at(), 'dist:dist/electron/vss.mjs', 'bundle newer than every source (tests do not count)');
  file('electron/engine/x.ts', 3000);
  assert.equal(at(), 'source:electron/cli/entry.ts', 'a source edited after the build');
  assert.equal(at({ VSS_CLI_FROM: 'dist' }), 'dist:dist/electron/vss.mjs');
  assert.equal(at({ VSS_CLI_FROM: 'nope' }), 'VSS_CLI_FROM must be "dist" or "source", got "nope"');
  // An installed copy (no sources, no tsx): the bundle, or a clear message.
  rmSync(join(r, 'node_modules'), { recursive: true });
  assert.equal(at(), 'dist:dist/electron/vss.mjs');
  rmSync(join(r, 'dist'), { recursive: true });
  assert.match(at(), /^the CLI is not built \(.*vss\.mjs is missing\): run npm run build:electron$/);
});

test('tsx is a development dependency only: no shipped code imports it, engines.node states 20.15', () => {
  assert.equal(pkg.dependencies.tsx, undefined);
  assert.ok(pkg.devDependencies.tsx);
  assert.equal(pkg.engines.node, '>=20.15');
  // The only sources that load tsx are the development entries of the two workers (bundles start worker.ts directly).
  const users: string[] = [];
  for (const e of readdirSync(join(root, 'electron'), { recursive: true, withFileTypes: true })) {
    if (!e.isFile() || /\.test\.ts$/.test(e.name) || !/\.(ts|mjs|cjs)$/.test(e.name)) continue;
    const path = join(e.parentPath, e.name);
    if (/from ['"]tsx|import\(['"]tsx/.test(readFileSync(path, 'utf8'))) users.push(relative(root, path));
  }
  assert.deepEqual(users.sort(), ['electron/engine/flow-worker/flow-entry.mjs', 'electron/engine/worker/entry.mjs']);
  const build = readFileSync(join(root, 'scripts', 'build-electron.mjs'), 'utf8');
  assert.match(build, /entryPoints: \['electron\/engine\/worker\/worker\.ts'\]/);
  assert.match(build, /entryPoints: \['electron\/engine\/flow-worker\/worker\.ts'\]/);
});
