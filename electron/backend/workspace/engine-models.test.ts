import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { listModels, pickModel, TEST_MODELS_ENV } from './engine-models.ts';

async function modelsFolder(): Promise<string> {
  const manifest = await readFile(join(import.meta.dirname, '../../../native-models/test-tiny/single/model.json'), 'utf8');
  const root = await mkdtemp(join(tmpdir(), 'vss-models-'));
  for (const dir of ['real', 'test-tiny/split', 'training', 'tools']) {
    await mkdir(join(root, dir), { recursive: true });
    await writeFile(join(root, dir, 'model.json'), manifest);
  }
  return root;
}

test('users never see the test bundles: models.list and engine.run leave them out unless VSS_TEST_MODELS=1', async () => {
  const root = await modelsFolder();
  const saved = process.env[TEST_MODELS_ENV];
  try {
    delete process.env[TEST_MODELS_ENV];
    assert.deepEqual((await listModels(root)).map((m) => m.name), ['real']);
    await assert.rejects(pickModel('test-tiny/split', root), /unknown model "test-tiny\/split" \(models: real\)/);
    await assert.rejects(pickModel(join(root, 'test-tiny', 'split'), root), /unknown model/, 'not by folder either');
    process.env[TEST_MODELS_ENV] = '1';
    assert.deepEqual((await listModels(root)).map((m) => m.name), ['real', 'test-tiny/split']);
    assert.equal((await pickModel('test-tiny/split', root)).name, 'test-tiny/split');
    assert.deepEqual((await listModels(root, false)).map((m) => m.name), ['real'], 'an explicit choice wins over the variable');
  } finally {
    if (saved === undefined) delete process.env[TEST_MODELS_ENV];
    else process.env[TEST_MODELS_ENV] = saved;
    await rm(root, { recursive: true, force: true });
  }
});
