/**
 * The project boundaries hold: an import across one fails `npm run typecheck`. Each case writes a
 * probe file into a project, type-checks that project alone and expects the named errors.
 */
import test from 'node:test';
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { typecheck } from './typecheck.mjs';

function probe(project: string, file: string, source: string): string {
  writeFileSync(file, source);
  try {
    const { status, output } = typecheck(project);
    assert.notEqual(status, 0, `${project} accepted ${file}:\n${source}`);
    return output;
  } finally {
    rmSync(file, { force: true });
  }
}

test('the core refuses Node modules and DOM globals', () => {
  const out = probe('electron/core/tsconfig.json', 'electron/core/boundary-probe.ts', [
    "import { readFileSync } from 'node:fs';",
    'export const probe = [readFileSync, document.body, process.argv];',
  ].join('\n'));
  assert.match(out, /boundary-probe\.ts\(1,\d+\): error TS2591: Cannot find name 'node:fs'/);
  assert.match(out, /Cannot find name 'document'/);
  assert.match(out, /Cannot find name 'process'/);
});

test('the core refuses imports of the backend, the contract and the engine', () => {
  const out = probe('electron/core/tsconfig.json', 'electron/core/boundary-probe.ts', [
    "import type { VideoService } from '../backend/video/types.ts';",
    "import type { Requests } from '../shared/contract.ts';",
    "import { MODE_DEFAULTS } from '../engine/modes/types.ts';",
    'export const probe = MODE_DEFAULTS;',
    'export type Probe = [VideoService, Requests];',
  ].join('\n'));
  assert.match(out, /error TS6307: File '.*electron\/backend\/video\/types\.ts' is not listed within the file list of project/);
  assert.match(out, /error TS6307: File '.*electron\/shared\/contract\.ts' is not listed/);
  assert.match(out, /error TS6307: File '.*electron\/engine\/modes\/types\.ts' is not listed/);
});

test('the engine refuses imports of the backend and the contract', () => {
  const out = probe('electron/engine/tsconfig.json', 'electron/engine/boundary-probe.ts', [
    "import type { VideoService } from '../backend/video/types.ts';",
    "import type { Requests } from '../shared/contract.ts';",
    'export type Probe = [VideoService, Requests];',
  ].join('\n'));
  assert.match(out, /error TS6307: File '.*electron\/backend\/video\/types\.ts' is not listed within the file list of project/);
  assert.match(out, /error TS6307: File '.*electron\/shared\/contract\.ts' is not listed/);
});

test('the renderer refuses Node modules and imports of the engine and the backend', () => {
  const out = probe('renderer/tsconfig.json', 'renderer/src/boundary-probe.ts', [
    "import { readFileSync } from 'node:fs';",
    "import { MODE_DEFAULTS } from '../../electron/engine/modes/types.ts';",
    "import type { VideoService } from '../../electron/backend/video/types.ts';",
    'export const probe = [readFileSync, MODE_DEFAULTS];',
    'export type Probe = VideoService;',
  ].join('\n'));
  assert.match(out, /boundary-probe\.ts\(1,\d+\): error TS2591: Cannot find name 'node:fs'/);
  assert.match(out, /error TS6307: File '.*electron\/engine\/modes\/types\.ts' is not listed within the file list of project/);
  assert.match(out, /error TS6307: File '.*electron\/backend\/video\/types\.ts' is not listed/);
});
