import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmod, mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HOST_STATE_FILE, loadHostState, saveHostState } from './host-state.ts';

test('the review host token is made once per installation (mode 0600), reused, and rotated on request', async () => {
  const home = await mkdtemp(join(tmpdir(), 'vss-hoststate-'));
  const first = await loadHostState(home);
  assert.match(first.token, /^[A-Za-z0-9_-]{32}$/);
  const file = join(home, HOST_STATE_FILE);
  if (process.platform !== 'win32') assert.equal((await stat(file)).mode & 0o777, 0o600);
  await saveHostState(home, { ...first, port: 8123 });
  assert.deepEqual(await loadHostState(home), { token: first.token, port: 8123 }, 'a restart reuses token and port');
  if (process.platform !== 'win32') {
    await chmod(file, 0o644);
    await loadHostState(home);
    assert.equal((await stat(file)).mode & 0o777, 0o600, 'loosened permissions are tightened');
  }
  const rotated = await loadHostState(home, { rotate: true });
  assert.notEqual(rotated.token, first.token);
  assert.equal(JSON.parse(await readFile(file, 'utf8')).token, rotated.token);
  await writeFile(file, '{"token": "short"}');
  assert.notEqual((await loadHostState(home)).token, 'short', 'a damaged file gets a new token');
});
