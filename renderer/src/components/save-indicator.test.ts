import { test } from 'node:test';
import assert from 'node:assert/strict';
import { saveIndicator } from './save-indicator.ts';

const save = (over: Partial<{ pending: number; failed: string | null; storeProblem: string | null; sent: number }> = {}) => ({ pending: 0, failed: null, storeProblem: null, sent: 0, ...over });

test('the indicator never says saved while an edit is unacknowledged', () => {
  assert.equal(saveIndicator('connected', save()).kind, 'connected');
  assert.equal(saveIndicator('connected', save({ sent: 3 })).text, 'All changes saved');
  assert.equal(saveIndicator('connected', save({ sent: 3, pending: 1 })).kind, 'saving');
  assert.equal(saveIndicator('offline', save({ sent: 3 })).text, 'Offline');
  assert.equal(saveIndicator('offline', save({ sent: 3, pending: 2 })).text, 'Offline · 2 edits queued');
  assert.equal(saveIndicator('connecting', save({ pending: 1 })).kind, 'offline');
  assert.equal(saveIndicator('connected', save({ sent: 3, failed: 'refused' })).kind, 'error');
  assert.equal(saveIndicator('unauthorized', save({ pending: 1 })).text, 'Not connected · 1 edit waiting');
  assert.match(saveIndicator('offline', save({ pending: 1, storeProblem: 'no IndexedDB' })).detail, /this page only/);
});
