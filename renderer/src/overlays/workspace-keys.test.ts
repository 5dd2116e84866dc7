import assert from 'node:assert/strict';
import { test } from 'node:test';
import { workspaceKeyAction } from './workspace-keys.ts';

const key = (k: string, shiftKey = false) => ({ key: k, shiftKey, ctrlKey: false, metaKey: false, altKey: false });

test('overlay keys, key-frame and spike navigation', () => {
  assert.deepEqual(workspaceKeyAction(key('m')), { kind: 'overlay', name: 'mask' });
  assert.deepEqual(workspaceKeyAction(key('O', true)), { kind: 'overlay', name: 'flowArrows' });
  assert.deepEqual(workspaceKeyAction(key('L', true)), { kind: 'overlay', name: 'flicker' });
  assert.equal(workspaceKeyAction(key('l')), null, 'plain L stays the editor lock');
  assert.deepEqual(workspaceKeyAction(key('K', true)), { kind: 'key-frame', dir: -1 });
  assert.deepEqual(workspaceKeyAction(key(']')), { kind: 'spike', dir: 1 });
  assert.equal(workspaceKeyAction({ ...key('m'), ctrlKey: true }), null);
});
