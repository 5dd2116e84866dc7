import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import { injectToken, resolveStaticPath } from './static-files.ts';

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
