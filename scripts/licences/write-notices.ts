/**
 * `npm run build:notices`: writes dist/renderer/THIRD-PARTY-NOTICES.txt (served to the app's
 * Help › Licences window and copied into the installers' resources folder; see package.json
 * build.extraResources). Runs after the renderer build, which empties dist/renderer.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildNotices, NOTICES_FILE } from './notices.ts';

const root = resolve(import.meta.dirname, '..', '..');
try {
  const out = join(root, NOTICES_FILE);
  mkdirSync(join(root, 'dist', 'renderer'), { recursive: true });
  writeFileSync(`${out}.tmp`, buildNotices(root));
  renameSync(`${out}.tmp`, out);
  console.log(`wrote ${NOTICES_FILE}`);
} catch (e) {
  console.error(`cannot write the third-party notices: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
