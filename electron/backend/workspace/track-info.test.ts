import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tcFromSummary } from './track-info.ts';

test('per-frame TC comes from summary records by index', () => {
  const r = tcFromSummary({ tc: 0.8, records: [{ index: 0, tcPrev: null }, { index: 2, tcPrev: 0.7 }, { index: 1, tcPrev: 0.9 }, { index: -1, tcPrev: 1 }] });
  assert.deepEqual(r.tc, [null, 0.9, 0.7]);
  assert.equal(r.tcMean, 0.8);
  assert.deepEqual(tcFromSummary('nonsense'), { tc: [], tcMean: null });
});
