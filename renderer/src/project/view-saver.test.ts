import assert from 'node:assert/strict';
import { mock, test } from 'node:test';
import { VIEW_SAVE_DEBOUNCE_MS, ViewSaver } from './view-saver.ts';

/** A saver over a mutable key, recording what was sent; `fail` makes the next sends reject. */
function rig() {
  const st = { key: 'a', fail: 0, sent: [] as string[] };
  const saver = new ViewSaver({
    key: () => st.key,
    send: async () => {
      st.sent.push(st.key);
      if (st.fail > 0) {
        st.fail--;
        throw new Error('host down');
      }
      return true;
    },
  });
  saver.loaded();
  return { st, saver };
}

/** Lets the send's promise settle between timer ticks. */
const settle = () => new Promise<void>((r) => setImmediate(r));

test('a view change is sent once, the debounce after it; a loaded project is not sent again', async () => {
  mock.timers.enable({ apis: ['setTimeout'] });
  try {
    const { st, saver } = rig();
    saver.changed();
    mock.timers.tick(VIEW_SAVE_DEBOUNCE_MS);
    assert.deepEqual(st.sent, []);
    st.key = 'b';
    saver.changed();
    mock.timers.tick(VIEW_SAVE_DEBOUNCE_MS - 1);
    assert.deepEqual(st.sent, []);
    mock.timers.tick(1);
    assert.deepEqual(st.sent, ['b']);
    saver.changed();
    mock.timers.tick(10 * VIEW_SAVE_DEBOUNCE_MS);
    assert.deepEqual(st.sent, ['b']);
  } finally {
    mock.timers.reset();
  }
});

test('other store changes (a project.changed from a class edit) do not postpone a pending save', () => {
  mock.timers.enable({ apis: ['setTimeout'] });
  try {
    const { st, saver } = rig();
    st.key = 'hidden';
    saver.changed();
    for (let i = 0; i < 5; i++) {
      mock.timers.tick(VIEW_SAVE_DEBOUNCE_MS / 4);
      saver.changed(); // same view key: the class list changed, not the view
    }
    assert.deepEqual(st.sent, ['hidden']);
  } finally {
    mock.timers.reset();
  }
});

test('a failed save is sent again with a growing delay until it succeeds; a newer view replaces it', async () => {
  mock.timers.enable({ apis: ['setTimeout'] });
  try {
    const { st, saver } = rig();
    st.key = 'b';
    st.fail = 2;
    saver.changed();
    mock.timers.tick(VIEW_SAVE_DEBOUNCE_MS);
    await settle();
    assert.deepEqual(st.sent, ['b']);
    mock.timers.tick(999);
    assert.equal(st.sent.length, 1);
    mock.timers.tick(1);
    await settle();
    assert.deepEqual(st.sent, ['b', 'b']);
    mock.timers.tick(1999);
    assert.equal(st.sent.length, 2);
    mock.timers.tick(1);
    await settle();
    assert.deepEqual(st.sent, ['b', 'b', 'b']);
    mock.timers.tick(60_000);
    assert.equal(st.sent.length, 3, 'saved: no more sends');

    st.fail = 1;
    st.key = 'c';
    saver.changed();
    mock.timers.tick(VIEW_SAVE_DEBOUNCE_MS);
    await settle();
    st.key = 'd';
    saver.changed();
    mock.timers.tick(VIEW_SAVE_DEBOUNCE_MS);
    await settle();
    mock.timers.tick(60_000);
    await settle();
    assert.deepEqual(st.sent.slice(3), ['c', 'd'], 'the newer view is sent, the failed one is not retried');
  } finally {
    mock.timers.reset();
  }
});

test('cancel drops a pending save', () => {
  mock.timers.enable({ apis: ['setTimeout'] });
  try {
    const { st, saver } = rig();
    st.key = 'b';
    saver.changed();
    saver.cancel();
    mock.timers.tick(60_000);
    assert.deepEqual(st.sent, []);
  } finally {
    mock.timers.reset();
  }
});
