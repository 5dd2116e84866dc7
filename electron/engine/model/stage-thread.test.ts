import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadBundle } from './bundle.ts';
import { TINY_SPLIT } from './testing.ts';

test('highAlongside (the high stage on its own thread) returns exactly what high() returns', async () => {
  const b = await loadBundle(TINY_SPLIT, { threads: 1, highThread: true });
  try {
    assert.ok(b.highAlongside, 'a split bundle loaded with highThread offers highAlongside');
    // Linux: the thread lowered its own priority; elsewhere it says why not.
    assert.match(b.highThreadPriority ?? '', process.platform === 'linux' ? /^nice \d+ \(was -?\d+\)$/ : /^unchanged: /);
    const { width, height } = b.manifest.input;
    const rgba = new Uint8Array(width * height * 4).map((_, i) => (i * 37) % 251);
    const x = b.preprocess({ width, height, data: rgba });
    const low = await b.low(x);
    const [here, there] = await Promise.all([b.high(x, low), b.highAlongside(x, low)]);
    assert.deepEqual([there.channels, there.height, there.width], [here.channels, here.height, here.width]);
    assert.deepEqual(Array.from(there.data), Array.from(here.data));
  } finally {
    await b.release();
  }
});

test('without highThread there is no highAlongside', async () => {
  const b = await loadBundle(TINY_SPLIT, { threads: 1 });
  assert.equal(b.highAlongside, undefined);
  await b.release();
});
