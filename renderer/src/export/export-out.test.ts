import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultExportOut, withZip } from './export-out.ts';

test('default export folders are unique even for two exports in the same second', () => {
  const now = new Date('2026-11-24T15:23:53.120Z');
  const a = defaultExportOut('/p', 'engine', 'labels', now);
  const b = defaultExportOut('/p', 'engine', 'labels', now);
  assert.equal(a, '/p/exports/engine-labels-20261124-152353');
  assert.equal(b, '/p/exports/engine-labels-20261124-152353-2');
  assert.equal(defaultExportOut('C:\\p', 'engine', 'coco', now), 'C:\\p\\exports\\engine-coco-20261124-152353');
});

test('withZip adds or removes the .zip of an output path once', () => {
  assert.equal(withZip('/p/exports/a', true), '/p/exports/a.zip');
  assert.equal(withZip('/p/exports/a.zip', true), '/p/exports/a.zip');
  assert.equal(withZip('/p/exports/a.ZIP', false), '/p/exports/a');
  assert.equal(withZip('/p/exports/a', false), '/p/exports/a');
});
