import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { dependencyClosure, productionDeps } from '../packaging/pack-files.ts';
import { BUNDLED_PACKAGES, buildNotices, licenceOf, modelLicences, NOTICES_FILE, packageNotice } from './notices.ts';

const root = resolve(import.meta.dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = join(dir, d.name);
    if (d.isDirectory()) return sources(p);
    return /\.tsx?$/.test(d.name) && !/\.test\.tsx?$/.test(d.name) ? [p] : [];
  });
}
/** Package names of the bare (non-relative, non-node:) imports in a folder's sources. */
function importedPackages(dir: string): Set<string> {
  const out = new Set<string>();
  for (const f of sources(dir)) {
    for (const m of readFileSync(f, 'utf8').matchAll(/from '([^.'][^']*)'/g)) {
      const spec = m[1]!;
      if (spec.startsWith('node:')) continue;
      out.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
    }
  }
  return out;
}

test('the notices name every production and bundled npm package with its declared licence, and carry its licence file', () => {
  const text = buildNotices(root);
  const dirs = [...productionDeps(root), ...dependencyClosure(root, BUNDLED_PACKAGES)];
  assert.ok(dirs.some((d) => d.name === 'react-dom') && dirs.some((d) => d.name === 'scheduler'), 'bundled packages and their dependencies');
  for (const d of dirs) {
    const pkg = JSON.parse(readFileSync(join(d.dir, 'package.json'), 'utf8')) as { name: string; version: string };
    assert.ok(text.includes(`--- ${pkg.name} ${pkg.version}: ${licenceOf(pkg)}\n`), `${pkg.name} is listed`);
  }
  assert.match(text, /--- ws [\d.]+: MIT\n[^\n]*\n\n\[LICENSE\]\nCopyright/, 'a licence file is copied verbatim');
  assert.match(text, /Licence text: GPL-3\.0\n=+\n\n\s*GNU GENERAL PUBLIC LICENSE\s+Version 3/);
});

test('the notices state the ffmpeg GPL terms and each shipped model bundle\'s licence, never a test bundle', () => {
  const text = buildNotices(root);
  assert.match(text, /GNU General Public License, version 3/);
  assert.match(text, /CC BY-NC 4\.0/);
  assert.match(text, /Apache-2\.0/);
  assert.match(text, /- camvid-lite: Weights trained/);
  assert.doesNotMatch(text, /test-tiny|- training:/);
});

test('every package the renderer imports is declared bundled, and every one the main process imports ships', () => {
  const bundled = new Set(dependencyClosure(root, BUNDLED_PACKAGES).map((d) => d.name));
  for (const name of importedPackages(join(root, 'renderer', 'src'))) assert.ok(bundled.has(name), `${name} is bundled into the renderer: add it to BUNDLED_PACKAGES`);
  const shipped = new Set(productionDeps(root).map((d) => d.name));
  for (const name of importedPackages(join(root, 'electron'))) {
    if (name !== 'electron') assert.ok(shipped.has(name) || bundled.has(name), `electron/ imports ${name}: make it a dependency`);
  }
});

test('a package without a licence file, an old-style licence field, a bundle without a licence', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vss-notices-'));
  try {
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'bare', version: '1.0.0', licenses: [{ type: 'MIT' }, { type: 'Apache-2.0' }] }));
    const n = packageNotice(dir);
    assert.equal(n.licence, '(MIT OR Apache-2.0)');
    assert.match(n.text, /ships no licence file; its package\.json declares \(MIT OR Apache-2\.0\)/);
    assert.equal(licenceOf({ name: 'x', version: '1' }), 'UNKNOWN');

    mkdirSync(join(dir, 'models', 'good'), { recursive: true });
    mkdirSync(join(dir, 'models', 'test-tiny', 'a'), { recursive: true });
    writeFileSync(join(dir, 'models', 'good', 'model.json'), JSON.stringify({ license: 'CC0' }));
    assert.deepEqual(modelLicences(join(dir, 'models')), ['- good: CC0']);
    mkdirSync(join(dir, 'models', 'bad'));
    writeFileSync(join(dir, 'models', 'bad', 'model.json'), JSON.stringify({ name: 'bad' }));
    assert.throws(() => modelLicences(join(dir, 'models')), /bad.model\.json has no "license" field/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('npm run build:notices writes the notices where the installers pick them up', () => {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string>; build: { extraResources: { from: string; to: string }[] } };
  assert.ok(pkg.build.extraResources.some((r) => r.from === NOTICES_FILE && r.to === 'THIRD-PARTY-NOTICES.txt'));
  assert.match(pkg.scripts.build ?? '', /npm run build:notices$/, 'the notices are written after the renderer build (which empties dist/renderer)');
  assert.match(pkg.scripts['build:notices'] ?? '', /scripts\/licences\/write-notices\.ts/);
});
