import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { OutputWriter } from './output-writer.ts';
import { encodeGray8Async, encodeGray8Sync } from './png-encode.ts';
import { decodeGray8 } from './png.ts';
import { prefetch } from './prefetch.ts';

const pixels = Uint8Array.from({ length: 7 * 5 }, (_, i) => (i * 13) % 11);

test('PNG encoder round-trips exactly (sync and async, both row filters)', async () => {
  for (const filter of [0, 2] as const) {
    for (const buf of [encodeGray8Sync(7, 5, pixels, { filter }), await encodeGray8Async(7, 5, pixels, { filter })]) {
      const d = decodeGray8(buf);
      assert.deepEqual([d.width, d.height], [7, 5]);
      assert.deepEqual(Array.from(d.data), Array.from(pixels));
    }
  }
});

test('OutputWriter: every queued file is on disk after drain; a write error surfaces', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'vss-writer-'));
  try {
    const w = new OutputWriter(2);
    for (let i = 0; i < 6; i++) await w.write(join(dir, `${i}.png`), 7, 5, pixels);
    await w.drain();
    for (let i = 0; i < 6; i++) assert.deepEqual(Array.from(decodeGray8(await readFile(join(dir, `${i}.png`))).data), Array.from(pixels));
    const bad = new OutputWriter(2);
    await bad.write(join(dir, 'no-such-folder', 'x.png'), 7, 5, pixels);
    await assert.rejects(bad.drain(), /ENOENT/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('prefetch keeps the order, reads at most depth ahead, and ends with the source', async () => {
  let pulled = 0;
  async function* source(): AsyncGenerator<number> {
    for (let i = 0; i < 5; i++) {
      pulled++;
      yield i;
    }
  }
  const seen: number[] = [];
  for await (const v of prefetch(source(), 2)) {
    assert.ok(pulled <= v + 3, `pulled ${pulled} while at ${v}`);
    seen.push(v);
  }
  assert.deepEqual(seen, [0, 1, 2, 3, 4]);
});
