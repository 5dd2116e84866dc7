/**
 * The Electron binary cannot be installed here, but the bundled main process can run under plain
 * Node with a stubbed `electron` module (testing/electron-stub.cjs): build dist/electron, start
 * main.cjs with a generated clip as its argument and a fresh VSS_HOME, then call its IPC handlers
 * as the preload does and fetch its vss-frame:// and app:// routes as the page does
 * (testing/main-driver.cjs). Proves the bundle finds native-models and its engine worker, and
 * serves frames, labels, confidence and flow; and that its menus, the macOS open-file event, the
 * OS recent documents and the Help › Licences window work.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { makeClip } from '../backend/video/testing/make-clip.ts';

const root = resolve(import.meta.dirname, '..', '..');

function run(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((res) => {
    const child = spawn(process.execPath, args, { cwd: tmpdir(), env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 150_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      res({ code, stdout, stderr });
    });
  });
}

interface DriverResult {
  showMissing: { ok: boolean; error?: { code: string } };
  shownInFolder: string[];
  untrusted: { ok: boolean; error?: { code: string } };
  badArg: { ok: boolean; error?: { code: string } };
  engine: { available: boolean; note: string };
  transport: string;
  models: string[];
  openPath: string;
  sentBeforeLoad: number;
  earlyOpenFile: string;
  laterOpenFile: string;
  menu: string[];
  undo: string;
  exportCommand: string;
  licencesUrl: string;
  licencesSandboxed: boolean;
  licences: { status: number; type: string; text: string };
  about: string[];
  recentDocuments: string[];
  frame: { status: number; index: string; bytes: number; expected: number; cors: string; exposed: string };
  outOfRange: number;
  badPath: number;
  post: number;
  classes: number;
  run: { status: string; message: string; keyFrames: number[]; framesDone: number };
  progressKeys: number[];
  labels: { status: number; bytes: number; expected: number };
  rawLabels: number;
  confidence: { status: number; bytes: number };
  flow: { status: number; width: number };
  tokenRefused: number;
  page: { status: number; csp: string | null };
  otherHost: number;
}

test('the bundled Electron main answers IPC and serves frames, labels, confidence and flow (electron stubbed)', { timeout: 240_000 }, async () => {
  const b = spawnSync(process.execPath, ['scripts/build-electron.mjs'], { cwd: root, encoding: 'utf8' });
  assert.equal(b.status, 0, b.stderr);
  const n = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/licences/write-notices.ts'], { cwd: root, encoding: 'utf8' });
  assert.equal(n.status, 0, n.stderr);
  const dir = await mkdtemp(join(tmpdir(), 'vss-main-stub-'));
  try {
    const clip = await makeClip({ name: 'stub clip.mp4', dir, width: 128, height: 96, frames: 10, fps: 25, codecArgs: ['-c:v', 'libx264', '-preset', 'veryfast', '-bf', '2', '-g', '6'] });
    // cwd is the temp dir: the bundle must find native-models from its own location, not the cwd.
    const { VSS_MODELS_DIR: _m, ...env } = process.env;
    const r = await run(['--require', join(root, 'electron/main/testing/electron-stub.cjs'), join(root, 'dist/electron/main.cjs'), clip], {
      ...env,
      VSS_HOME: join(dir, 'home'),
      VSS_STUB_USER_DATA: join(dir, 'user-data'),
      VSS_TEST_MODELS: '1', // the driver runs test-tiny/split
      VSS_STUB_DRIVER: join(root, 'electron/main/testing/main-driver.cjs'),
    });
    const line = r.stdout.split('\n').find((l) => l.startsWith('STUB-RESULT '));
    assert.ok(line, `no result (exit ${r.code}): ${r.stderr.slice(-2000)}`);
    const o = JSON.parse(line.slice('STUB-RESULT '.length)) as DriverResult;

    assert.deepEqual(o.untrusted, { ok: false, error: { code: 'BAD_REQUEST', message: 'request from an untrusted page' } });
    assert.equal(o.badArg.ok, false);
    assert.equal(o.transport, 'electron');
    assert.equal(o.engine.available, true, o.engine.note);
    assert.ok(o.models.includes('test-tiny/split'), `models: ${o.models.join(', ')}`);
    assert.equal(o.openPath, clip);
    assert.equal(o.sentBeforeLoad, 0, 'nothing is sent to the page before it has loaded');
    assert.equal(o.earlyOpenFile, '/early/open-file.mp4', 'macOS open-file before the page loaded');
    assert.equal(o.laterOpenFile, '/later/open-file.mp4');
    assert.deepEqual(o.menu, process.platform === 'darwin' ? ['VSS Studio', '&File', '&Edit', 'viewMenu', 'windowMenu', '&Help'] : ['&File', '&Edit', 'viewMenu', '&Help']);
    assert.equal(o.undo, 'undo', 'Edit › Undo reaches the page');
    assert.equal(o.exportCommand, 'export');
    assert.equal(o.licencesUrl, 'app://renderer/THIRD-PARTY-NOTICES.txt');
    assert.deepEqual([o.licences.status, o.licences.type], [200, 'text/plain; charset=utf-8'], 'Help › Licences shows the notices');
    assert.match(o.licences.text, /^VSS Studio [\d.]+: licences and third-party notices/);
    assert.ok(o.licencesSandboxed, 'the licences window is sandboxed without a preload');
    assert.match(o.about[0] ?? '', /^Version 0\.0\.0-stub .*\nElectron .*\nEngine: models: /);
    assert.deepEqual(o.shownInFolder, [clip], 'app.showInFolder reveals an existing path through shell.showItemInFolder');
    assert.equal(o.showMissing.error?.code, 'NOT_FOUND');
    assert.ok(o.recentDocuments.includes(clip), `OS recent documents: ${o.recentDocuments.join(', ')}`);

    assert.deepEqual([o.frame.status, o.frame.index, o.frame.bytes], [200, '3', o.frame.expected]);
    assert.equal(o.frame.cors, 'app://renderer');
    assert.match(o.frame.exposed, /x-frame-width/);
    assert.ok(o.outOfRange >= 400 && o.outOfRange < 500, `out of range → ${o.outOfRange}`);
    assert.ok(o.badPath >= 400 && o.badPath < 500, `bad path → ${o.badPath}`);
    assert.equal(o.post, 405);

    assert.ok(o.classes > 0, 'the automatic project has the default model classes');
    assert.equal(o.run.status, 'done', o.run.message);
    assert.equal(o.run.framesDone, 10);
    // K = 3, batch schedule: the key in the middle of each run of 3; frame 9 propagates from 7.
    assert.deepEqual(o.run.keyFrames, [1, 4, 7]);
    assert.deepEqual(o.progressKeys, o.run.keyFrames, 'engine.progress carried every key frame');

    assert.deepEqual([o.labels.status, o.labels.bytes], [200, o.labels.expected]);
    assert.equal(o.rawLabels, 200);
    assert.deepEqual([o.confidence.status, o.confidence.bytes], [200, o.labels.expected]);
    assert.equal(o.flow.status, 200);
    assert.ok(o.flow.width > 0);
    assert.equal(o.tokenRefused, 400);
    assert.equal(o.otherHost, 404);
    if (o.page.status === 200) assert.match(o.page.csp ?? '', /connect-src 'self' vss-frame:/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
