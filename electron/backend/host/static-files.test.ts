import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { injectToken, readStatic, resolveStaticPath } from './static-files.ts';

const root = resolve('/srv/ui');

test('plain paths map inside the root; / is index.html', () => {
  assert.equal(resolveStaticPath(root, '/'), join(root, 'index.html'));
  assert.equal(resolveStaticPath(root, '/assets/app-1.js'), join(root, 'assets', 'app-1.js'));
});

test('dots, encoded dots or slashes, backslashes, NUL and empty segments are refused', () => {
  for (const p of ['/../x', '/assets/../../x', '/%2e%2e/x', '/%2E%2e/x', '/a%2fb', '/a%5cb', '/a\\b', '/a\0b', '/a%00b', '//etc/passwd', '/%zz']) {
    assert.throws(() => resolveStaticPath(root, p), /invalid path/, p);
  }
});

test('the token is added to the page\'s asset URLs only', () => {
  const html = '<script src="./assets/a.js"></script><link href="./assets/s.css"><a href="https://x/assets/y">';
  assert.equal(injectToken(html, 'T'), '<script src="./assets/a.js?token=T"></script><link href="./assets/s.css?token=T"><a href="https://x/assets/y">');
});

test('text files (the licence notices) are served as UTF-8 plain text', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'vss-static-'));
  try {
    await writeFile(join(dir, 'THIRD-PARTY-NOTICES.txt'), 'licences ©\n');
    const f = await readStatic(resolveStaticPath(dir, '/THIRD-PARTY-NOTICES.txt'));
    assert.equal(f.type, 'text/plain; charset=utf-8');
    assert.equal(f.body.toString('utf8'), 'licences ©\n');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
