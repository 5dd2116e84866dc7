/**
 * Fingerprint of the AssemblyScript sources of dis-kernels.wasm and of the compiler flags, recorded
 * by build.ts in dis-kernels.build.json; a unit test compares it with the current sources so a
 * stale committed .wasm is caught.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const WASM_DIR = fileURLToPath(new URL('.', import.meta.url));
export const ASSEMBLY_DIR = join(WASM_DIR, 'assembly');
export const WASM_FILE = join(WASM_DIR, 'dis-kernels.wasm');
export const BUILD_INFO_FILE = join(WASM_DIR, 'dis-kernels.build.json');
/** asc flags: optimised, no runtime (the module never allocates), SIMD on. */
export const ASC_FLAGS = ['-O3', '--noAssert', '--runtime', 'stub', '--enable', 'simd'] as const;

export interface WasmBuildInfo {
  /** sha256 over the assembly/*.ts sources (name and text, sorted by name) and ASC_FLAGS. */
  sourceSha256: string;
  /** sha256 of dis-kernels.wasm as built. */
  wasmSha256: string;
  assemblyscript: string;
}

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

export function sourceHash(): string {
  const h = createHash('sha256');
  for (const name of readdirSync(ASSEMBLY_DIR).filter((f) => f.endsWith('.ts')).sort()) {
    h.update(`${name}\0`).update(readFileSync(join(ASSEMBLY_DIR, name), 'utf8').replace(/\r\n/g, '\n')).update('\0');
  }
  h.update(ASC_FLAGS.join(' '));
  return h.digest('hex');
}
