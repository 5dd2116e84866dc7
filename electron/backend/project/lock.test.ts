/** The advisory project lock: taken, counted, refused while another live process holds it, taken over when stale. */
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { VssError } from '../../core/errors.ts';
import { acquireProjectLock, assertProjectUnlocked, LOCK_FILE, readProjectLock } from './lock.ts';
import { TEMP_MARK } from './atomic.ts';
import { createProject, openProject } from './open.ts';
import { CAMVID_CLASSES, fakeVideo, lockByLiveProcess, tempDir } from './test-fixtures.ts';

const exists = (p: string) => stat(p).then(
  () => true,
  () => false,
);

/** A pid that ran and has exited (a lock left by a crash). */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

test('a fresh lock holds this process, owner and time; release removes it', async () => {
  const dir = await tempDir('lock');
  const lock = await acquireProjectLock(dir, 'import');
  const info = await readProjectLock(dir);
  assert.equal(info?.pid, process.pid);
  assert.equal(info?.hostname, hostname());
  assert.equal(info?.owner, 'import');
  assert.ok(Math.abs(Date.parse(info!.since) - Date.now()) < 60_000);
  await lock.release();
  assert.equal(await exists(join(dir, LOCK_FILE)), false);
});

test('the same process takes its lock again; the file stays until the last release', async () => {
  const dir = await tempDir('lock');
  const a = await acquireProjectLock(dir, 'app');
  const b = await acquireProjectLock(dir, 'import');
  await a.release();
  await a.release(); // a second release of one reference counts once
  assert.equal(await exists(join(dir, LOCK_FILE)), true);
  await assertProjectUnlocked(dir, 'import'); // ours: not a lock against us
  await b.release();
  assert.equal(await exists(join(dir, LOCK_FILE)), false);
});

test('a lock another live process holds is refused with one line, and left as it is', async () => {
  const dir = await tempDir('lock');
  const other = await lockByLiveProcess(dir, 'app');
  try {
    const before = await readFile(join(dir, LOCK_FILE), 'utf8');
    const re = new RegExp(`^project is open in VSS Studio \\(pid ${other.pid}, since \\d\\d:\\d\\d\\); close it there, or import from the app's Import dialog$`);
    await assert.rejects(acquireProjectLock(dir, 'import'), (e) => e instanceof VssError && e.code === 'LOCKED' && re.test(e.message));
    await assert.rejects(acquireProjectLock(dir, 'app'), /^VssError: project is open in VSS Studio \(pid \d+, since \d\d:\d\d\); close it there first$/);
    await assert.rejects(assertProjectUnlocked(dir, 'app'), { code: 'LOCKED' });
    assert.equal(await readFile(join(dir, LOCK_FILE), 'utf8'), before);
  } finally {
    await other.stop();
  }
});

test('a lock of a running import asks to wait for it', async () => {
  const dir = await tempDir('lock');
  const other = await lockByLiveProcess(dir, 'import');
  try {
    await assert.rejects(acquireProjectLock(dir, 'app'), /project is being imported into by vss import \(pid \d+, since \d\d:\d\d\); wait for the import to finish$/);
  } finally {
    await other.stop();
  }
});

test('a lock whose process is gone (crash, kill -9) is stale and taken over', async () => {
  const dir = await tempDir('lock');
  const other = await lockByLiveProcess(dir, 'app');
  await other.stop();
  const lock = await acquireProjectLock(dir, 'app');
  assert.equal((await readProjectLock(dir))?.pid, process.pid);
  await lock.release();
  await writeFile(join(dir, LOCK_FILE), JSON.stringify({ pid: deadPid(), hostname: hostname(), owner: 'import', since: new Date().toISOString() }));
  await assertProjectUnlocked(dir, 'app');
  const again = await acquireProjectLock(dir, 'import');
  assert.equal((await readProjectLock(dir))?.owner, 'import');
  await again.release();
});

test('an unreadable or corrupt lock file is taken over', async () => {
  const dir = await tempDir('lock');
  for (const text of ['', '{"pid": 12', 'null', JSON.stringify({ pid: -3, hostname: hostname(), owner: 'app' })]) {
    await writeFile(join(dir, LOCK_FILE), text);
    const lock = await acquireProjectLock(dir, 'app');
    assert.equal((await readProjectLock(dir))?.pid, process.pid, JSON.stringify(text));
    await lock.release();
    assert.equal(await exists(join(dir, LOCK_FILE)), false);
  }
});

test('release removes the lock only while it is still ours', async () => {
  const dir = await tempDir('lock');
  const lock = await acquireProjectLock(dir, 'app');
  const theirs = JSON.stringify({ pid: deadPid(), hostname: hostname(), owner: 'app', since: new Date().toISOString() });
  await writeFile(join(dir, LOCK_FILE), theirs); // e.g. taken over meanwhile by a process that has ended since
  await lock.release();
  assert.equal(await readFile(join(dir, LOCK_FILE), 'utf8'), theirs);
  const newer = await acquireProjectLock(dir, 'app'); // that process is gone: its lock is stale
  const ours = JSON.stringify({ pid: process.pid, hostname: hostname(), owner: 'app', since: '2000-01-01T00:00:00.000Z' });
  await writeFile(join(dir, LOCK_FILE), ours); // a later lock of this process, not the one released
  await newer.release();
  assert.equal(await readFile(join(dir, LOCK_FILE), 'utf8'), ours);
  assert.deepEqual((await readdir(dir)).sort(), [LOCK_FILE], 'nothing moved aside is left');
});

test("another host's lock is honoured and its message names the file to delete", async () => {
  const dir = await tempDir('lock');
  await writeFile(join(dir, LOCK_FILE), JSON.stringify({ pid: 4242, hostname: 'other-host', owner: 'app', since: new Date().toISOString() }));
  await assert.rejects(acquireProjectLock(dir, 'app'), (e) => e instanceof VssError && e.message.includes('pid 4242 on other-host') && e.message.endsWith(`delete ${join(dir, LOCK_FILE)}`));
});

test('a folder that does not exist is no project', async () => {
  const dir = join(await tempDir('lock'), 'nope');
  await assert.rejects(acquireProjectLock(dir, 'import'), { code: 'NOT_FOUND', message: `no project at ${dir} (missing project.json)` });
});

test('a process that exits without releasing its lock leaves no lock file', async () => {
  const dir = await tempDir('lock');
  const lockTs = join(import.meta.dirname, 'lock.ts');
  const code = `const m = await import(${JSON.stringify(lockTs)}); await m.acquireProjectLock(${JSON.stringify(dir)}, 'app'); console.log('held');`;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { encoding: 'utf8' });
  assert.equal(r.stdout.trim(), 'held', r.stderr);
  assert.equal(await exists(join(dir, LOCK_FILE)), false);
});

test('processes racing for a stale lock: exactly one gets it', async () => {
  const dir = await tempDir('lock');
  await writeFile(join(dir, LOCK_FILE), JSON.stringify({ pid: deadPid(), hostname: hostname(), owner: 'app', since: new Date().toISOString() }));
  const lockTs = JSON.stringify(join(import.meta.dirname, 'lock.ts'));
  // Each child reports, then holds what it got until its stdin closes.
  const code = `const m = await import(${lockTs}); let r = 'held'; try { await m.acquireProjectLock(${JSON.stringify(dir)}, 'app'); } catch (e) { r = e.code; } console.log(r); process.stdin.resume();`;
  const children = Array.from({ length: 4 }, () => spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { stdio: ['pipe', 'pipe', 'inherit'] }));
  const results = await Promise.all(children.map(async (c) => String((await once(c.stdout, 'data'))[0]).trim()));
  for (const c of children) c.stdin.end();
  await Promise.all(children.map((c) => once(c, 'exit')));
  assert.deepEqual(results.sort(), ['LOCKED', 'LOCKED', 'LOCKED', 'held']);
});

test("opening a project another live process holds leaves that process's temp files; once it is gone they are swept", async () => {
  const dir = await tempDir('lock');
  await createProject(dir, { videoPath: await fakeVideo(dir), classes: CAMVID_CLASSES });
  const temp = join(dir, `${TEMP_MARK}project.json.123.abcd`); // a save in progress there
  await writeFile(temp, '{');
  const other = await lockByLiveProcess(dir, 'app');
  try {
    await openProject(dir);
    assert.equal(await exists(temp), true);
  } finally {
    await other.stop();
  }
  await openProject(dir);
  assert.equal(await exists(temp), false);
});
