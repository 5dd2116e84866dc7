/**
 * Rebuilds dis-kernels.wasm from assembly/*.ts with the pinned AssemblyScript compiler and records
 * the source fingerprint in dis-kernels.build.json. Run: `npm run build:wasm`. Both outputs are
 * committed so the app and the tests need no build step.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ASC_FLAGS, ASSEMBLY_DIR, BUILD_INFO_FILE, WASM_FILE, sha256, sourceHash, type WasmBuildInfo } from './source-hash.ts';

const require = createRequire(import.meta.url);
const ascPkg = require.resolve('assemblyscript/package.json');
const version = (JSON.parse(readFileSync(ascPkg, 'utf8')) as { version: string }).version;
const ascBin = join(ascPkg, '..', 'bin', 'asc.js');
const r = spawnSync(process.execPath, [ascBin, join(ASSEMBLY_DIR, 'index.ts'), '-o', WASM_FILE, ...ASC_FLAGS], { stdio: 'inherit' });
if (r.status !== 0) process.exit(r.status ?? 1);
const info: WasmBuildInfo = { sourceSha256: sourceHash(), wasmSha256: sha256(readFileSync(WASM_FILE)), assemblyscript: version };
writeFileSync(BUILD_INFO_FILE, JSON.stringify(info, null, 2) + '\n');
console.log(`built ${WASM_FILE} (${readFileSync(WASM_FILE).length} bytes, AssemblyScript ${version})`);
