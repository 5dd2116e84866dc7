import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runAppCommand, type CommandTargets } from './app-commands.ts';

function targets(typing: boolean): { t: CommandTargets; calls: string[] } {
  const calls: string[] = [];
  const t: CommandTargets = {
    typing: () => typing,
    textHistory: (s) => calls.push(`text ${s}`),
    undo: () => calls.push('mask undo'),
    redo: () => calls.push('mask redo'),
    openExport: () => calls.push('export'),
    openImport: () => calls.push('import'),
    close: () => calls.push('close'),
    openProject: (dir) => calls.push(`open ${dir}`),
    showShortcuts: () => calls.push('shortcuts'),
  };
  return { t, calls };
}

test('Edit › Undo/Redo drive the mask history, or the focused text field\'s own history', () => {
  const outside = targets(false);
  runAppCommand({ command: 'undo' }, outside.t);
  runAppCommand({ command: 'redo' }, outside.t);
  assert.deepEqual(outside.calls, ['mask undo', 'mask redo']);
  const inField = targets(true);
  runAppCommand({ command: 'undo' }, inField.t);
  runAppCommand({ command: 'redo' }, inField.t);
  assert.deepEqual(inField.calls, ['text undo', 'text redo']);
});

test('File › Open Project…, Import Labels…, Export…, Close and Help › Keyboard Shortcuts reach their targets', () => {
  const { t, calls } = targets(false);
  runAppCommand({ command: 'openProject', dir: '/p/clip-1234' }, t);
  runAppCommand({ command: 'import' }, t);
  runAppCommand({ command: 'export' }, t);
  runAppCommand({ command: 'close' }, t);
  runAppCommand({ command: 'shortcuts' }, t);
  assert.deepEqual(calls, ['open /p/clip-1234', 'import', 'export', 'close', 'shortcuts']);
});
