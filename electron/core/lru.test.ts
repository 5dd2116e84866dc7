import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LoadingLru, Lru } from './lru.ts';

test('Lru evicts the least recently used entry and reports every eviction', () => {
  const gone: string[] = [];
  const c = new Lru<string, number>(2, (v, k) => gone.push(`${k}=${v}`));
  c.set('a', 1);
  c.set('b', 2);
  assert.equal(c.get('a'), 1); // a is now the newest
  c.set('c', 3);
  assert.deepEqual(c.keys(), ['a', 'c']);
  c.set('a', 4); // replaced: the old value leaves
  c.dropWhere((k) => k === 'c');
  assert.deepEqual(gone, ['b=2', 'a=1', 'c=3']);
  assert.equal(c.peek('a'), 4);
  c.clear();
  assert.equal(c.size, 0);
});

test('LoadingLru shares a pending load and forgets a failed one', async () => {
  const c = new LoadingLru<string, number>(4);
  let calls = 0;
  const ok = () => Promise.resolve(++calls);
  assert.equal(await c.load('x', ok), 1);
  assert.equal(await c.load('x', ok), 1);
  await assert.rejects(c.load('y', () => Promise.reject(new Error('no'))), /no/);
  await new Promise((r) => setImmediate(r));
  assert.equal(c.has('y'), false);
  assert.equal(await c.load('y', ok), 2);
});
