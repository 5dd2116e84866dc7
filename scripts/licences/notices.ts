/**
 * THIRD-PARTY-NOTICES.txt: what the app and its installers must say about what they carry.
 * Sections: VSS Studio itself, FFmpeg/FFprobe (assets/licences/ffmpeg.txt), the model weights
 * (assets/licences/models.txt plus each shipped bundle's model.json "license"), every npm package
 * the app carries (production dependencies, and those bundled into dist/) with its package.json
 * licence field and the licence/notice files it ships, and the full texts of the licences
 * referred to (assets/licences/texts). Deterministic: sorted, no dates.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dependencyClosure } from '../packaging/pack-files.ts';

/** Where the build writes the notices (package.json build.extraResources copies it from here). */
export const NOTICES_FILE = 'dist/renderer/THIRD-PARTY-NOTICES.txt';

/**
 * Packages that are bundled into dist/ (the renderer's Vite bundle) rather than shipped under
 * node_modules; their code is in the app, so their licences are too. notices.test.ts checks this
 * against the renderer's imports.
 */
export const BUNDLED_PACKAGES = ['react', 'react-dom', 'zustand'];

const RULE = '='.repeat(78);
const LICENCE_FILE = /^(licen[cs]e|copying|notice|thirdpartynotices)(\.(md|txt|markdown))?$|^(licen[cs]e)[-.]/i;
/** Model folders that never ship (see package.json build.files and the model list). */
const NOT_SHIPPED = new Set(['training', 'tools', 'test-tiny', 'node_modules']);

interface PackageJson {
  name: string;
  version: string;
  license?: string | { type?: string };
  licenses?: { type?: string }[];
  homepage?: string;
  repository?: string | { url?: string };
}

const section = (title: string, body: string): string => `${RULE}\n${title}\n${RULE}\n\n${body.trim()}\n`;

/** The SPDX expression a package declares (old-style objects and arrays included), or "UNKNOWN". */
export function licenceOf(pkg: PackageJson): string {
  if (typeof pkg.license === 'string') return pkg.license;
  if (pkg.license?.type) return pkg.license.type;
  const types = (pkg.licenses ?? []).map((l) => l.type).filter((t): t is string => !!t);
  return types.length > 0 ? `(${types.join(' OR ')})` : 'UNKNOWN';
}

function whereFrom(pkg: PackageJson): string {
  const repo = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
  return pkg.homepage ?? repo ?? `https://www.npmjs.com/package/${pkg.name}`;
}

/** One package's entry: its declared licence, where it comes from, and the licence texts it ships. */
export function packageNotice(dir: string): { name: string; licence: string; text: string } {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageJson;
  const licence = licenceOf(pkg);
  const files = readdirSync(dir).filter((f) => LICENCE_FILE.test(f)).sort();
  const texts = files.map((f) => `[${f}]\n${readFileSync(join(dir, f), 'utf8').trim()}`);
  const body = texts.length > 0 ? texts.join('\n\n') : `(The package ships no licence file; its package.json declares ${licence}: https://spdx.org/licenses/)`;
  return { name: pkg.name, licence, text: `--- ${pkg.name} ${pkg.version}: ${licence}\n${whereFrom(pkg)}\n\n${body}\n` };
}

/** Each shipped model bundle's name and licence statement; a bundle without one is an error. */
export function modelLicences(modelsDir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(modelsDir).sort()) {
    const manifest = join(modelsDir, name, 'model.json');
    if (NOT_SHIPPED.has(name) || !existsSync(manifest)) continue;
    const m = JSON.parse(readFileSync(manifest, 'utf8')) as { license?: string };
    if (!m.license?.trim()) throw new Error(`${manifest} has no "license" field: state the weights' terms before shipping the bundle`);
    out.push(`- ${name}: ${m.license.trim()}`);
  }
  return out;
}

/** The whole notices file for the app folder `root` (package.json, node_modules, native-models, assets/licences). */
export function buildNotices(root: string): string {
  const app = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as PackageJson & { productName?: string };
  const lic = join(root, 'assets', 'licences');
  const dirs = new Set([...dependencyClosure(root), ...dependencyClosure(root, BUNDLED_PACKAGES)].map((d) => d.dir));
  const packages = [...dirs].map(packageNotice).sort((a, b) => a.name.localeCompare(b.name));
  const summary = packages.map((p) => `  ${p.name}: ${p.licence}`).join('\n');
  const texts = readdirSync(join(lic, 'texts')).sort();
  return [
    `VSS Studio ${app.version}: licences and third-party notices\n\nGenerated at build time by scripts/licences/write-notices.ts from the installed packages.\n`,
    section('VSS Studio', `VSS Studio is licensed under the ${licenceOf(app)} licence. Electron and Chromium carry their own notices: LICENSE.electron.txt and LICENSES.chromium.html beside the installed app.`),
    section('FFmpeg and FFprobe', readFileSync(join(lic, 'ffmpeg.txt'), 'utf8')),
    section('Model weights', `${readFileSync(join(lic, 'models.txt'), 'utf8').trim()}\n\nShipped bundles:\n${modelLicences(join(root, 'native-models')).join('\n')}`),
    section(`npm packages (${packages.length})`, `Summary:\n${summary}\n\n${packages.map((p) => p.text).join('\n')}`),
    ...texts.map((t) => section(`Licence text: ${t.replace(/\.txt$/, '')}`, readFileSync(join(lic, 'texts', t), 'utf8'))),
  ].join('\n');
}
