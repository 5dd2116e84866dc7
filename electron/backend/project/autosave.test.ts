import test from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { Autosaver } from './autosave.ts';

function counter(ms = 0) {
  const calls: number[] = [];
  return {
    calls,
    save: async () => {
      calls.push(Date.now());
      if (ms) await sleep(ms);
    },
  };
}

test('a burst of edits is saved once, after the debounce', async () => {
  const c = counter();
  const a = new Autosaver(c.save, { debounceMs: 40, maxDelayMs: 400 });
  for (let i = 0; i < 10; i++) a.touch();
  assert.equal(c.calls.length, 0);
  await sleep(120);
  assert.equal(c.calls.length, 1);
  assert.equal(a.pending, false);
});

test('continuous edits are still saved within the max delay', async () => {
  const c = counter();
  const a = new Autosaver(c.save, { debounceMs: 50, maxDelayMs: 150 });
  const start = Date.now();
  while (Date.now() - start < 500) {
    a.touch();
    await sleep(10);
  }
  assert.ok(c.calls.length >= 2, `saved ${c.calls.length} times`);
  assert.ok(c.calls[0]! - start <= 250, `first save after ${c.calls[0]! - start} ms`);
  await a.dispose();
});

test('flush waits for a save in progress and saves again; saves never overlap', async () => {
  let active = 0;
  let maxActive = 0;
  let saves = 0;
  const a = new Autosaver(async () => {
    active++;
    maxActive = Math.max(maxActive, active);
    await sleep(30);
    saves++;
    active--;
  }, { debounceMs: 1 });
  a.touch();
  await sleep(10); // save running
  a.touch();
  await a.flush();
  assert.equal(maxActive, 1);
  assert.ok(saves >= 2);
});

test('defaults honour the limits (debounce ≤ 500 ms, max delay ≤ 2 s)', async () => {
  const c = counter();
  const a = new Autosaver(c.save, { debounceMs: 5000, maxDelayMs: 9000 });
  a.touch();
  await a.flush();
  assert.equal(c.calls.length, 1);
});

test('a failed save is reported and retried by the next flush', async () => {
  let fail = true;
  const errors: unknown[] = [];
  const a = new Autosaver(async () => {
    if (fail) throw new Error('disk full');
  }, { debounceMs: 1, onError: (e) => errors.push(e) });
  a.touch();
  await sleep(30);
  assert.equal(errors.length, 1);
  assert.equal(a.pending, true);
  fail = false;
  await a.flush();
  assert.equal(a.pending, false);
});
