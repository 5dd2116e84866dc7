import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseResourcePath } from './resources.ts';
import { parseResourceUrl } from '../main/app-origin.ts';

test('parses each resource kind', () => {
  assert.deepEqual(parseResourcePath('frames/v1/42'), { kind: 'frames', videoId: 'v1', index: 42 });
  assert.deepEqual(parseResourcePath('flow/v1/0'), { kind: 'flow', videoId: 'v1', index: 0 });
  assert.deepEqual(parseResourcePath('labels/p1/dff-k-5/7', new URLSearchParams('raw=1&token=x')), { kind: 'labels', projectId: 'p1', trackId: 'dff-k-5', index: 7, raw: true });
  assert.deepEqual(parseResourcePath('confidence/p1/t/3'), { kind: 'confidence', projectId: 'p1', trackId: 't', index: 3, raw: false });
});

test('refuses paths, bad ids, bad indices, unknown kinds and parameters', () => {
  const bad: [string, string?][] = [
    ['frames/../etc/passwd'],
    ['frames/v1/-1'],
    ['frames/v1/1.5'],
    ['frames/v1'],
    ['labels/p1/t'],
    ['labels/p1/../3'],
    ['labels/p 1/t/3'],
    ['masks/v1/3'],
    ['frames/v1/3', 'path=/etc'],
    ['labels/p1/t/3', 'raw=yes'],
    ['confidence/p1/t/3', 'raw=1'],
    ['frames/v1/1234567890'],
  ];
  for (const [p, q] of bad) assert.throws(() => parseResourcePath(p, new URLSearchParams(q ?? '')), /./, p);
});

test('the Electron protocol parses the same URLs and refuses tokens and hashes', () => {
  assert.deepEqual(parseResourceUrl('vss-frame://labels/p1/t/5?raw=1'), { kind: 'labels', projectId: 'p1', trackId: 't', index: 5, raw: true });
  assert.deepEqual(parseResourceUrl('vss-frame://flow/v2/9'), { kind: 'flow', videoId: 'v2', index: 9 });
  assert.throws(() => parseResourceUrl('vss-frame://frames/v1/1?token=a'));
  assert.throws(() => parseResourceUrl('vss-frame://frames/v1/1#x'));
  assert.throws(() => parseResourceUrl('file:///etc/passwd'));
});
