/**
 * What each installer would carry, computed with electron-builder's own matchers from package.json
 * "build" (electron-builder itself cannot run here: it downloads Electron). The app folder is the
 * repository's sources, models, assets and node_modules (linked into a temporary folder) plus a
 * dist/ laid out as `npm run build` writes it, so the check does not depend on a prior build.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { DEFAULT_MODEL_DIR } from '../../electron/engine/segment/settings.ts';
import { ENGINE_PLATFORMS } from '../../electron/main/platforms.ts';
import { NOTICES_FILE } from '../licences/notices.ts';
import { validateBuildConfig, type BuildConfig } from './builder-lib.ts';
import { packedFiles, type PackedFiles, type PackTarget } from './pack-files.ts';

const root = resolve(import.meta.dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { build: BuildConfig };
const ORT = 'node_modules/onnxruntime-node/bin/napi-v6';
const ELECTRON_PLATFORM = { linux: 'linux', mac: 'darwin', win: 'win32' } as const;

/** dist/ as the build writes it (scripts/build-electron.mjs with the CLI bundle vss.mjs, Vite, build:notices). */
const BUILT = [
  'dist/electron/main.cjs',
  'dist/electron/main.cjs.map',
  'dist/electron/preload.cjs',
  'dist/electron/entry.mjs',
  'dist/electron/flow-entry.mjs',
  'dist/electron/stage-worker.mjs',
  'dist/electron/dis-kernels.wasm',
  'dist/electron/vss.mjs',
  'dist/renderer/index.html',
  'dist/renderer/assets/index.js',
  'dist/renderer/assets/index.css',
  NOTICES_FILE,
];

let app = '';
before(() => {
  app = mkdtempSync(join(tmpdir(), 'vss-pack-'));
  for (const name of ['package.json', 'node_modules', 'native-models', 'assets', 'electron', 'renderer', 'e2e', 'scripts', 'bin', 'docs', 'README.md', 'tsconfig.json']) {
    if (existsSync(join(root, name))) symlinkSync(join(root, name), join(app, name));
  }
  for (const f of BUILT) {
    mkdirSync(dirname(join(app, f)), { recursive: true });
    writeFileSync(join(app, f), '');
  }
});
after(() => rmSync(app, { recursive: true, force: true }));

/** The installer targets package.json declares: platform and arch. */
function declaredTargets(): PackTarget[] {
  return (['linux', 'mac', 'win'] as const).flatMap((platform) => {
    const targets = ((pkg.build[platform] as { target?: { arch?: string[] }[] } | undefined)?.target ?? []);
    return targets.flatMap((t) => (t.arch ?? ['x64']).map((arch) => ({ platform, arch: arch as PackTarget['arch'] })));
  });
}

const packs = new Map<string, PackedFiles>();
function packed(t: PackTarget): PackedFiles {
  const key = `${t.platform}-${t.arch}`;
  if (!packs.has(key)) packs.set(key, packedFiles(app, t));
  return packs.get(key)!;
}

test('the build configuration passes electron-builder\'s own schema validation', async () => {
  await validateBuildConfig(pkg.build);
});

test('installers: Linux x64 and arm64, macOS arm64 only (no ONNX Runtime for Intel Macs), Windows x64; each has an engine', () => {
  const targets = declaredTargets().map((t) => `${t.platform}-${t.arch}`);
  assert.deepEqual(targets, ['linux-x64', 'linux-arm64', 'mac-arm64', 'win-x64']);
  for (const t of declaredTargets()) assert.ok((ENGINE_PLATFORMS as readonly string[]).includes(`${ELECTRON_PLATFORM[t.platform]}-${t.arch}`), `${t.platform}-${t.arch} has an engine`);
});

test('every installer target has an ffmpeg and ffprobe build (the installer packages\' platform list)', () => {
  for (const tool of ['ffmpeg', 'ffprobe']) {
    const meta = JSON.parse(readFileSync(join(root, `node_modules/@${tool}-installer/${tool}/package.json`), 'utf8')) as { optionalDependencies: Record<string, string> };
    for (const t of declaredTargets()) assert.ok(`@${tool}-installer/${ELECTRON_PLATFORM[t.platform]}-${t.arch}` in meta.optionalDependencies, `${tool} for ${t.platform}-${t.arch}`);
  }
});

test('ENGINE_PLATFORMS is exactly what the installed onnxruntime-node ships binaries for', () => {
  const shipped = readdirSync(join(root, ORT)).flatMap((p) => readdirSync(join(root, ORT, p)).filter((a) => existsSync(join(root, ORT, p, a, 'onnxruntime_binding.node'))).map((a) => `${p}-${a}`));
  assert.deepEqual(shipped.sort(), [...ENGINE_PLATFORMS].sort());
});

for (const t of declaredTargets()) {
  const name = `${t.platform}-${t.arch}`;
  const ortDir = `${ORT}/${ELECTRON_PLATFORM[t.platform]}/${t.arch}`;

  test(`${name}: carries the built app, the default models, the icon and the CLI`, () => {
    const p = packed(t);
    for (const f of BUILT.filter((b) => !b.endsWith('.map'))) assert.ok(p.app.has(f), `${f} is packed`);
    const model = basename(DEFAULT_MODEL_DIR);
    for (const f of ['model.json', 'high.onnx', 'low.onnx', 'head.onnx', 'README.md']) assert.ok(p.app.has(`native-models/${model}/${f}`), `default model ${f}`);
    assert.ok(p.app.has('native-models/camvid-edge-single/model.onnx'));
    assert.ok([...p.app].filter((f) => f.startsWith('native-models/')).every((f) => p.unpacked.has(f)), 'models are unpacked (ONNX Runtime reads real files)');
    assert.ok(p.app.has('assets/icon/png/512x512.png'), 'the window icon');
    assert.ok(p.resources.has('THIRD-PARTY-NOTICES.txt'), 'the licence notices beside app.asar');
    for (const f of ['dist/electron/vss.mjs', 'dist/electron/entry.mjs', 'dist/electron/stage-worker.mjs', 'dist/electron/dis-kernels.wasm']) assert.ok(p.unpacked.has(f), `${f} is unpacked (a system Node runs the CLI and its workers)`);
    assert.ok(!p.unpacked.has('dist/electron/main.cjs'), 'the main process stays in the asar');
  });

  test(`${name}: carries only its own platform and arch's ONNX Runtime binaries, unpacked`, () => {
    const p = packed(t);
    const binaries = [...p.app].filter((f) => f.startsWith(`${ORT}/`));
    assert.ok(p.app.has(`${ortDir}/onnxruntime_binding.node`), `${ortDir}/onnxruntime_binding.node is packed`);
    assert.deepEqual(binaries.filter((f) => !f.startsWith(`${ortDir}/`)), [], 'no other platform or arch');
    assert.ok(binaries.every((f) => p.unpacked.has(f)));
  });

  test(`${name}: never carries test bundles, training code, sources, tests, source maps or other platforms' ffmpeg`, () => {
    const p = packed(t);
    const bad = [...p.app].filter(
      (f) =>
        /^native-models\/(test-tiny|training|tools)\//.test(f) ||
        /^(electron|renderer|e2e|scripts|docs|bin)\//.test(f) ||
        /\.test\.tsx?$|\.spec\.ts$|\.map$/.test(f) ||
        (/^node_modules\/@ff(mpeg|probe)-installer\/[a-z0-9]+-[a-z0-9]+\//.test(f) && !f.includes(`-installer/${ELECTRON_PLATFORM[t.platform]}-${t.arch}/`)),
    );
    assert.deepEqual(bad, []);
  });
}

test('no development-only package ships (tsx and esbuild are for building and tests)', () => {
  const p = packed({ platform: 'linux', arch: 'x64' });
  const dev = [...p.app].filter((f) => /^node_modules\/(tsx|esbuild|@esbuild|typescript|vite|electron|@playwright)\//.test(f));
  assert.deepEqual(dev, []);
});

test('the host build carries its ffmpeg and ffprobe, unpacked (only the host\'s are installed)', (t) => {
  const host = declaredTargets().find((d) => ELECTRON_PLATFORM[d.platform] === process.platform && d.arch === process.arch);
  if (!host) return t.skip(`no installer target for this host (${process.platform}-${process.arch})`);
  const p = packed(host);
  const exe = process.platform === 'win32' ? '.exe' : '';
  for (const tool of ['ffmpeg', 'ffprobe']) {
    const f = `node_modules/@${tool}-installer/${process.platform}-${process.arch}/${tool}${exe}`;
    assert.ok(p.app.has(f) && p.unpacked.has(f), `${f} packed and unpacked`);
  }
});

test('electron fuses: no run-as-node, no NODE_OPTIONS, no --inspect, asar integrity checked and the app only loaded from it', () => {
  assert.deepEqual(pkg.build.electronFuses, {
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    grantFileProtocolExtraPrivileges: false,
  });
});

test('the app registers as an alternative viewer for video files (Open With, the Dock), never as their default', () => {
  const assoc = pkg.build.fileAssociations as { ext: string[]; role: string; rank: string }[];
  assert.deepEqual(assoc.map((a) => [a.role, a.rank]), [['Viewer', 'Alternate']]);
  assert.ok(assoc[0]!.ext.includes('mp4') && !assoc[0]!.ext.includes('ts'), 'no .ts: that is also TypeScript');
});

test('icons: each platform names one that exists, at the sizes electron-builder needs', () => {
  const b = pkg.build as { linux: { icon: string }; mac: { icon: string }; win: { icon: string } };
  const sizes = readdirSync(join(root, b.linux.icon));
  for (const s of [16, 32, 48, 64, 128, 256, 512]) assert.ok(sizes.includes(`${s}x${s}.png`), `${s}x${s}.png`);
  for (const icon of [b.mac.icon, b.win.icon]) {
    const png = readFileSync(join(root, icon));
    assert.ok(png.readUInt32BE(16) >= 512 && png.readUInt32BE(20) >= 512, `${icon} is at least 512x512`);
  }
});
