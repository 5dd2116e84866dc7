import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isAppUrl, parseResourceUrl, pathFromArgv } from './app-origin.ts';

test('only app://renderer pages count as ours', () => {
  assert.equal(isAppUrl('app://renderer/index.html'), true);
  assert.equal(isAppUrl('app://evil/index.html'), false);
  assert.equal(isAppUrl('https://renderer/index.html'), false);
  assert.equal(isAppUrl('file:///etc/passwd'), false);
  assert.equal(isAppUrl(undefined), false);
});

test('frame URLs carry only a video id and an index', () => {
  assert.deepEqual(parseResourceUrl('vss-frame://frames/v1/12'), { kind: 'frames', videoId: 'v1', index: 12 });
  for (const bad of ['vss-frame://frames/v1/-1', 'vss-frame://frames/v1/1.5', 'vss-frame://frames/../etc/passwd', 'vss-frame://other/v1/1', 'vss-frame://frames/v1/1?x=1', 'vss-frame://frames//etc/passwd/1', 'nonsense']) {
    assert.throws(() => parseResourceUrl(bad), /resource|frames|bad/, bad);
  }
});

test('the clip path comes after the app path; switches are ignored', () => {
  assert.equal(pathFromArgv(['/usr/bin/electron', '.', 'clip.mp4'], false), 'clip.mp4');
  assert.equal(pathFromArgv(['/usr/bin/electron', 'dist/electron/main.cjs', '--no-sandbox', '/v/a.mp4'], false), '/v/a.mp4');
  assert.equal(pathFromArgv(['/opt/VSS Studio/vss-studio', '/v/a.mp4'], true), '/v/a.mp4');
  assert.equal(pathFromArgv(['/usr/bin/electron', '--inspect=0', '--remote-debugging-port=0', 'main.cjs', 'c.mp4'], false), 'c.mp4');
  assert.equal(pathFromArgv(['/usr/bin/electron', '.'], false), undefined);
});
