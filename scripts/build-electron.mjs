// Bundles the Electron main process and the preload with esbuild:
//   electron/main/index.ts    → dist/electron/main.cjs
//   electron/preload/index.ts → dist/electron/preload.cjs (sandboxed: only `electron` may be required)
// Native and binary packages stay external and load from node_modules at run time.
import { build } from 'esbuild';

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

await Promise.all([
  build({ ...common, entryPoints: ['electron/main/index.ts'], outfile: 'dist/electron/main.cjs' }),
  build({ ...common, entryPoints: ['electron/preload/index.ts'], outfile: 'dist/electron/preload.cjs', external: ['electron'], define: {}, banner: {} }),
]);
console.log('built dist/electron/main.cjs and dist/electron/preload.cjs');
