import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Req } from '../../../electron/shared/contract.ts';
import { backoffDelay } from './backoff.ts';
import { BridgeError, OfflineError, isTransient } from './errors.ts';
import { memoryOutboxStore, Outbox, type SaveState } from './outbox.ts';

/** A one-pixel diff of frame n; `bad` makes it one the fake host refuses (2 pixels wide). */
const diffOf = (n: number, bad = false) => ({ frame: n, width: bad ? 2 : 1, height: 1, runs: new Uint32Array([0, 1]), newValues: new Uint8Array([1]), oldValues: new Uint8Array([0]) });
const edit = (n: number): Req<'edit.apply'> => ({ projectId: 'old', trackId: 't', frames: [{ index: n, diff: diffOf(n) }], step: { op: '', action: 'do', label: 'brush@t', at: n } });

function harness(opts: { up?: boolean; store?: ReturnType<typeof memoryOutboxStore> } = {}) {
  let up = opts.up ?? true;
  const sent: Req<'edit.apply'>[] = [];
  const attempts: number[] = [];
  const states: SaveState[] = [];
  const opened: string[] = [];
  let ops = 0;
  const store = opts.store ?? memoryOutboxStore();
  const box = new Outbox({
    send: async (req) => {
      attempts.push(req.frames[0]!.index);
      if (!up) throw new OfflineError('down');
      if (req.frames[0]!.diff.width === 2) throw new BridgeError('BAD_REQUEST', 'refused');
      sent.push(req);
      return { corrections: [] };
    },
    open: async (dir) => (opened.push(dir), 'p-new'),
    transient: isTransient,
    store,
    onState: (s) => states.push(s),
    delay: () => 1,
    newOp: () => `op${++ops}`,
  });
  return { box, sent, attempts, states, opened, store, setUp: (v: boolean) => (up = v) };
}

test('edits are sent in order with their own operation id, to the project opened by folder', async () => {
  const h = harness();
  await h.box.start();
  await Promise.all([1, 2, 3].map((n) => h.box.enqueue('/proj', edit(n))));
  assert.deepEqual(h.sent.map((r) => r.frames[0]!.index), [1, 2, 3]);
  assert.deepEqual(h.sent.map((r) => r.step?.op), ['op1', 'op2', 'op3']);
  assert.deepEqual(h.sent.map((r) => r.projectId), ['p-new', 'p-new', 'p-new']);
  assert.deepEqual(h.opened, ['/proj'], 'opened once per connection');
  assert.equal(h.states.at(-1)!.pending, 0);
  assert.equal(h.store.items.size, 0, 'acknowledged edits leave the store');
});

test('while the host is down edits stay queued in order and are retried with the same op id; a refused one is reported', async () => {
  const h = harness({ up: false });
  await h.box.start();
  const done = [1, 2].map((n) => h.box.enqueue('/proj', edit(n)));
  const bad = h.box.enqueue('/proj', { ...edit(3), frames: [{ index: 3, diff: diffOf(3, true) }] });
  bad.catch(() => undefined);
  await new Promise((r) => setTimeout(r, 30));
  assert.equal(h.box.pending, 3);
  assert.equal(h.store.items.size, 3, 'queued edits are stored (a reload keeps them)');
  assert.ok(h.attempts.every((i) => i === 1), 'nothing is sent past the first edit while it fails');
  h.setUp(true);
  h.box.reconnected();
  await Promise.all(done);
  await assert.rejects(bad, /refused/);
  assert.deepEqual(h.sent.map((r) => [r.frames[0]!.index, r.step?.op]), [[1, 'op1'], [2, 'op2']]);
  assert.equal(h.states.at(-1)!.failed, 'refused');
  assert.equal(h.states.at(-1)!.pending, 0);
});

test('an edit the restarted backend does not know the project of is sent again after reopening it', async () => {
  const h = harness();
  await h.box.start();
  let first = true;
  const box = new Outbox({
    send: async (req) => {
      if (first) {
        first = false;
        throw new BridgeError('NOT_FOUND', 'no open project with id "p-new"');
      }
      h.sent.push(req);
      return { corrections: [] };
    },
    open: async (dir) => (h.opened.push(dir), 'p-new'),
    transient: isTransient,
    store: memoryOutboxStore(),
    onState: () => undefined,
  });
  await box.start();
  await box.enqueue('/proj', edit(1));
  assert.deepEqual(h.opened, ['/proj', '/proj'], 'opened again after NOT_FOUND');
  assert.equal(h.sent.length, 1);
});

test('a new page sends the edits a previous page left in the store first', async () => {
  const store = memoryOutboxStore();
  const first = harness({ up: false, store });
  await first.box.start();
  void first.box.enqueue('/proj', edit(1));
  void first.box.enqueue('/proj', edit(2));
  await new Promise((r) => setTimeout(r, 5));
  first.box.stop();
  // the page is reloaded: a new outbox over the same store
  const second = harness({ store });
  await second.box.start();
  const mine = second.box.enqueue('/proj', edit(3));
  await mine;
  await second.box.idle();
  assert.deepEqual(second.sent.map((r) => r.frames[0]!.index), [1, 2, 3]);
  assert.deepEqual(second.sent.map((r) => r.step?.op), ['op1', 'op2', 'op1'], 'stored edits keep the op ids they were queued with');
});

test('backoff grows exponentially with jitter and stays under its cap', () => {
  const max = (n: number) => backoffDelay(n, { random: () => 1 });
  const min = (n: number) => backoffDelay(n, { random: () => 0 });
  assert.deepEqual([0, 1, 2, 3].map(max), [250, 500, 1000, 2000]);
  assert.deepEqual([0, 1, 2].map(min), [125, 250, 500]);
  assert.equal(max(50), 10_000);
  assert.equal(min(50), 5_000);
  // while a host stays down for 35 s, one retrying loop makes a bounded number of attempts
  let t = 0;
  let n = 0;
  while (t < 35_000) t += backoffDelay(n++, { random: () => 0 });
  assert.ok(n < 15, `${n} attempts in 35 s`);
});
