/** One table of environment variables: complete against the sources, and the README carries it verbatim. */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ENV_VARS, envHelp, envMarkdown, FOREIGN_ENV_VARS } from './env.ts';
import { packageRoot } from '../shared/package-root.ts';

const root = packageRoot();

/** Names of environment variables read anywhere in the project's code (not its dependencies). */
function variablesRead(): Set<string> {
  const names = new Set<string>();
  const files = ['playwright.config.ts'];
  for (const dir of ['electron', 'renderer/src', 'scripts', 'e2e', 'bin', 'native-models']) {
    for (const e of readdirSync(join(root, dir), { recursive: true, withFileTypes: true })) {
      const rel = join(e.parentPath, e.name);
      if (e.isFile() && /\.(ts|tsx|mjs|cjs|js)$/.test(e.name) && !/node_modules|training/.test(rel)) files.push(rel);
    }
  }
  for (const f of files) {
    const text = readFileSync(f.startsWith('/') ? f : join(root, f), 'utf8');
    // process.env.X, env.X (an injected process.env), process.env['X'], and quoted names built at run time (FFMPEG_PATH).
    for (const m of text.matchAll(/\benv(?:\.([A-Z][A-Z0-9_]+)|\[['"]([A-Z][A-Z0-9_]+)['"]\])/g)) names.add((m[1] ?? m[2])!);
    for (const m of text.matchAll(/['"]((?:VSS|FFMPEG|FFPROBE)_[A-Z0-9_]+)['"]/g)) names.add(m[1]!);
  }
  return names;
}

test('every environment variable the code reads is in the table, and nothing else', () => {
  const read = variablesRead();
  const table = new Set(ENV_VARS.map((v) => v.name));
  const missing = [...read].filter((n) => !table.has(n) && !FOREIGN_ENV_VARS.includes(n));
  assert.deepEqual(missing, [], 'add these to ENV_VARS in electron/cli/env.ts');
  const unused = [...table].filter((n) => !read.has(n));
  assert.deepEqual(unused, [], 'no code reads these');
  assert.ok(read.has('VSS_HOME') && read.has('FFMPEG_PATH') && read.has('VSS_DATA_DIR'));
});

test('README.md carries the table exactly; vss --help lists every variable', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const block = /<!-- env-table:start -->\n([\s\S]*?)\n<!-- env-table:end -->/.exec(readme);
  assert.ok(block, 'README.md has the env-table markers');
  assert.equal(block[1], envMarkdown(), 'README.md env table differs from electron/cli/env.ts: paste envMarkdown() between the markers');
  const help = envHelp().join('\n');
  for (const v of ENV_VARS) assert.match(help, new RegExp(`^  ${v.name} +${v.help.slice(0, 12).replace(/[$()`]/g, '\\$&')}`, 'm'));
});
