// Bundles the Electron main process and the preload with esbuild:
//   electron/main/index.ts    → dist/electron/main.cjs
//   electron/preload/index.ts → dist/electron/preload.cjs (sandboxed: only `electron` may be required)
//   electron/engine/worker/worker.ts → dist/electron/entry.mjs (the engine worker, ESM)
//   electron/engine/flow-worker/worker.ts → dist/electron/flow-entry.mjs (the overlay flow worker, ESM)
//   electron/engine/model/stage-worker.mjs → dist/electron/stage-worker.mjs (the ONNX stage worker,
//     plain JS with its thread-priority helper)
//   electron/cli/entry.ts → dist/electron/vss.mjs (the `vss` CLI that bin/vss.mjs loads; beside the
//     workers it starts, with ws bundled in so it also runs from a packaged app's unpacked files)
// plus the DIS WebAssembly kernels, which the bundles load beside themselves
// (new URL('./x', import.meta.url) resolves to dist/electron/x).
// Native and binary packages stay external and load from node_modules at run time.
// `--only=cli --outdir=DIR` builds just the CLI bundle into DIR (its unit test does).
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';

const external = ['electron', 'onnxruntime-node', '@ffmpeg-installer/*', '@ffprobe-installer/*', 'ws'];
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external,
  sourcemap: 'linked',
  logLevel: 'warning',
  // ESM sources use import.meta.url (createRequire, asset paths); give the CJS bundle a real one.
  define: { 'import.meta.url': '__vssImportMetaUrl' },
  banner: { js: "const __vssImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
};

const esmWorker = {
  ...common,
  format: 'esm',
  define: {},
  // Bundled CommonJS dependencies call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __vssCreateRequire } from 'node:module'; const require = __vssCreateRequire(import.meta.url);" },
};

const flag = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const outdir = flag('outdir') ?? 'dist/electron';

const cli = {
  ...esmWorker,
  // ws is bundled (a packaged app's node_modules sit inside the asar); vite only builds a missing UI in a checkout.
  external: ['onnxruntime-node', '@ffmpeg-installer/*', '@ffprobe-installer/*', 'vite', 'bufferutil', 'utf-8-validate'],
  define: { VSS_BUILD_VERSION: JSON.stringify(JSON.parse(readFileSync('package.json', 'utf8')).version) },
};

if (flag('only') === 'cli') {
  await build({ ...cli, entryPoints: ['electron/cli/entry.ts'], outfile: `${outdir}/vss.mjs` });
  process.exit(0);
}

await Promise.all([
  build({ ...common, entryPoints: ['electron/main/index.ts'], outfile: 'dist/electron/main.cjs' }),
  build({ ...common, entryPoints: ['electron/preload/index.ts'], outfile: 'dist/electron/preload.cjs', external: ['electron'], define: {}, banner: {} }),
  build({ ...esmWorker, entryPoints: ['electron/engine/worker/worker.ts'], outfile: 'dist/electron/entry.mjs' }),
  build({ ...esmWorker, entryPoints: ['electron/engine/flow-worker/worker.ts'], outfile: 'dist/electron/flow-entry.mjs' }),
  build({ ...esmWorker, entryPoints: ['electron/engine/model/stage-worker.mjs'], outfile: 'dist/electron/stage-worker.mjs' }),
  build({ ...cli, entryPoints: ['electron/cli/entry.ts'], outfile: 'dist/electron/vss.mjs' }),
]);
mkdirSync('dist/electron', { recursive: true });
copyFileSync('electron/engine/flow/wasm/dis-kernels.wasm', 'dist/electron/dis-kernels.wasm');
console.log('built dist/electron/{main.cjs,preload.cjs,entry.mjs,flow-entry.mjs,stage-worker.mjs,vss.mjs} and copied dis-kernels.wasm');
