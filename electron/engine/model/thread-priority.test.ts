import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Worker } from 'node:worker_threads';
import { lowerThreadPriority, systemCalls, type SystemCalls } from './thread-priority.mjs';

/** Fake system calls recording what was set. */
function fake(o: Partial<SystemCalls> & { nice?: number } = {}): SystemCalls & { set: [number, number][] } {
  let nice = o.nice ?? 0;
  const set: [number, number][] = [];
  return {
    platform: 'linux',
    readlink: () => '/proc/4242/task/4250',
    getPriority: () => nice,
    setPriority: (tid, n) => {
      set.push([tid, n]);
      nice = n;
    },
    ...o,
    set,
  };
}

test('on Linux the calling thread (its TID from /proc/thread-self) gets its nice value raised by delta, capped at 19', () => {
  const sys = fake();
  assert.deepEqual(lowerThreadPriority(5, sys), { applied: true, tid: 4250, from: 0, nice: 5 });
  assert.deepEqual(sys.set, [[4250, 5]]);
  const high = fake({ nice: 17 });
  assert.deepEqual(lowerThreadPriority(5, high), { applied: true, tid: 4250, from: 17, nice: 19 });
});

test('other systems, an unreadable /proc or a refused setpriority: nothing changes, the reason is returned, nothing throws', () => {
  for (const platform of ['darwin', 'win32'] as const) {
    const sys = fake({ platform });
    const r = lowerThreadPriority(5, sys);
    assert.equal(r.applied, false);
    assert.match(r.applied ? '' : r.reason, new RegExp(platform));
    assert.deepEqual(sys.set, []);
  }
  const noProc = lowerThreadPriority(5, fake({ readlink: () => { throw new Error("ENOENT: no such file or directory, readlink '/proc/thread-self'"); } }));
  assert.deepEqual(noProc, { applied: false, reason: "/proc/thread-self is not readable (ENOENT: no such file or directory, readlink '/proc/thread-self')" });
  assert.equal(lowerThreadPriority(5, fake({ readlink: () => '/proc/self' })).applied, false);
  const refused = lowerThreadPriority(5, fake({ setPriority: () => { throw new Error('EACCES: permission denied'); } }));
  assert.deepEqual(refused, { applied: false, reason: 'setpriority failed (EACCES: permission denied)' });
});

test('for real (Linux): a worker thread lowers its own priority and the main thread keeps its own', { skip: process.platform !== 'linux' && 'per-thread priority is Linux only' }, async () => {
  const before = systemCalls.getPriority(process.pid);
  const url = new URL('./thread-priority.mjs', import.meta.url).href;
  const w = new Worker(`import(${JSON.stringify(url)}).then((m) => require('node:worker_threads').parentPort.postMessage(m.lowerThreadPriority(3)));`, { eval: true });
  const r = await new Promise((resolve, reject) => w.once('message', resolve).once('error', reject));
  await w.terminate();
  assert.equal((r as { applied: boolean }).applied, true, JSON.stringify(r));
  const { tid, nice, from } = r as { tid: number; nice: number; from: number };
  assert.notEqual(tid, process.pid);
  assert.equal(nice, Math.min(19, from + 3));
  assert.equal(systemCalls.getPriority(process.pid), before, 'the main thread is unchanged');
});
