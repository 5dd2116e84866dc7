import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { dataDirFor, modelsDirCandidates, resolveModelsDir, windowIcon, type AppLocation } from './app-paths.ts';

const dev: AppLocation = { isPackaged: false, appPath: '/repo/dist/electron', resourcesPath: '/opt/electron/resources', bundleDir: '/repo/dist/electron', env: {} };

test('dev: the native-models folder two levels above the bundle (electron dist/electron/main.cjs)', () => {
  assert.equal(resolveModelsDir(dev, (p) => p === join('/repo', 'native-models')), '/repo/native-models');
});

test('`electron .`: the app path is the repo root', () => {
  const at = { ...dev, appPath: '/repo' };
  assert.equal(modelsDirCandidates(at)[0], '/repo/native-models');
});

test('packaged: the unpacked native-models beside app.asar come first; VSS_MODELS_DIR wins over all', () => {
  const packaged: AppLocation = { isPackaged: true, appPath: '/opt/vss/resources/app.asar', resourcesPath: '/opt/vss/resources', bundleDir: '/opt/vss/resources/app.asar/dist/electron', env: {} };
  assert.equal(modelsDirCandidates(packaged)[0], '/opt/vss/resources/app.asar.unpacked/native-models');
  assert.equal(resolveModelsDir({ ...packaged, env: { VSS_MODELS_DIR: '/models' } }, () => true), '/models');
  assert.equal(resolveModelsDir(packaged, () => false), undefined);
});

test('data folder: VSS_HOME when set (trimmed), else Electron\'s userData folder', () => {
  assert.equal(dataDirFor({}, '/home/u/.config/VSS Studio'), '/home/u/.config/VSS Studio');
  assert.equal(dataDirFor({ VSS_HOME: '/data/vss' }, '/home/u/.config/VSS Studio'), '/data/vss');
  assert.equal(dataDirFor({ VSS_HOME: '  ' }, '/u'), '/u', 'a blank VSS_HOME does not count');
});

test('the window icon is assets/icon beside dist/, in the repo and inside app.asar', () => {
  assert.equal(windowIcon('/repo/dist/electron'), '/repo/assets/icon/png/512x512.png');
  assert.equal(windowIcon('/opt/vss/resources/app.asar/dist/electron'), '/opt/vss/resources/app.asar/assets/icon/png/512x512.png');
});
