import assert from 'node:assert/strict';
import { test } from 'node:test';
import { engineUnsupported } from './platforms.ts';

test('the engine runs where ONNX Runtime ships a binary; Intel Macs get a clear one-line reason', () => {
  for (const [p, a] of [['darwin', 'arm64'], ['linux', 'x64'], ['linux', 'arm64'], ['win32', 'x64'], ['win32', 'arm64']]) assert.equal(engineUnsupported(p!, a!), undefined);
  const intel = engineUnsupported('darwin', 'x64');
  assert.match(intel ?? '', /^Segmentation is not available on Intel Macs: ONNX Runtime 1\.30 has no build for darwin-x64 .*Viewing, editing and export still work\.$/);
  assert.doesNotMatch(intel ?? '', /\n/);
  assert.match(engineUnsupported('linux', 'ia32') ?? '', /Linux on ia32/);
});
