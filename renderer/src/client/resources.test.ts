/**
 * The resource client (resources.ts) against a fake fetch: one URL scheme and one cache per kind,
 * in-flight requests shared, failures and 404s asked again, eviction (frames' bitmaps closed),
 * and invalidation by track. The module's caches live for the whole file: each test uses its own
 * keys.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { VssBridge } from '../../../electron/shared/contract.ts';

const base: Pick<VssBridge, 'frameBase' | 'frameQuery'> = { frameBase: 'http://host/api/frames', frameQuery: 'token=T' };
const fakeBridge = { ...base, transport: 'browser', call: () => Promise.reject(new Error('unused')), on: () => () => undefined } as VssBridge;

/** Every URL fetched, in order; `answer` decides each response. */
const fetched: string[] = [];
let answer: (url: string) => Response | Promise<Response> = () => new Response(null, { status: 500 });
let bitmapsClosed = 0;

function grid(width: number, height: number, bytes: number, headers: Record<string, string> = {}): Response {
  return new Response(new Uint8Array(width * height * bytes), { headers: { 'x-frame-width': String(width), 'x-frame-height': String(height), ...headers } });
}

Object.assign(globalThis, {
  window: { vss: fakeBridge, location: { search: '', origin: 'http://host' } },
  fetch: async (url: string) => {
    fetched.push(url);
    return answer(url);
  },
  ImageData: class {
    constructor(readonly data: Uint8ClampedArray, readonly width: number, readonly height: number) {}
  },
  createImageBitmap: async () => ({ close: () => void bitmapsClosed++ }),
});

const r = await import('./resources.ts');

const count = (part: string): number => fetched.filter((u) => u.includes(part)).length;

test('every kind has its URL next to the frames, with the query and raw', () => {
  assert.equal(r.resourceUrl(base, 'frames', ['v1', 3]), 'http://host/api/frames/v1/3?token=T');
  assert.equal(r.resourceUrl(base, 'labels', ['p', 't a', 3], true), 'http://host/api/labels/p/t%20a/3?token=T&raw=1');
  assert.equal(r.resourceUrl({ frameBase: 'vss-frame://frames', frameQuery: '' }, 'flow', ['v1', 0]), 'vss-frame://flow/v1/0');
});

test('labels, confidence and flow are cached apart, each fetched once', async () => {
  answer = (url) => grid(4, 2, url.includes('/flow/') ? 8 : 1, { 'x-frame-corrected': url.includes('/labels/') ? '1' : '0' });
  const [l, c, f] = await Promise.all([r.loadLabels('labels', 'pA', 't', 0), r.loadLabels('confidence', 'pA', 't', 0), r.loadFlow('vA', 0)]);
  assert.equal(l?.corrected, true);
  assert.equal(c?.corrected, false);
  assert.ok(f?.data instanceof Float32Array && f.data.length === 16);
  await Promise.all([r.loadLabels('labels', 'pA', 't', 0), r.loadLabels('confidence', 'pA', 't', 0), r.loadFlow('vA', 0)]);
  assert.deepEqual([count('/labels/pA/'), count('/confidence/pA/'), count('/flow/vA/')], [1, 1, 1]);
});

test('requests in flight are shared: concurrent loads of one key make one fetch', async () => {
  let release!: () => void;
  const gate = new Promise<void>((res) => (release = res));
  answer = async (url) => {
    await gate;
    return url.includes('/frames/') ? grid(2, 2, 4) : grid(2, 2, 1);
  };
  const labels = [r.loadLabels('labels', 'pB', 't', 5), r.loadLabels('labels', 'pB', 't', 5)];
  const frames = [r.loadFrame('vB', 5), r.loadFrame('vB', 5)];
  release();
  const [a, b] = await Promise.all(labels);
  const [x, y] = await Promise.all(frames);
  assert.equal(a, b);
  assert.equal(x, y);
  assert.equal(r.cachedFrame('vB', 5), x);
  assert.deepEqual([count('/labels/pB/'), count('/frames/vB/')], [1, 1]);
});

test('a 404 resolves to null and is asked again; a failure rejects with one line and is asked again', async () => {
  answer = () => new Response('not yet', { status: 404 });
  assert.equal(await r.loadLabels('labels', 'pC', 't', 1), null);
  await new Promise((res) => setImmediate(res));
  answer = () => new Response('decoder failed\nstack', { status: 500 });
  await assert.rejects(r.loadLabels('labels', 'pC', 't', 1), (e: Error) => e.message === 'decoder failed');
  answer = () => grid(2, 1, 1);
  assert.equal((await r.loadLabels('labels', 'pC', 't', 1))?.width, 2);
  assert.equal(count('/labels/pC/'), 3);
  answer = () => new Response(new Uint8Array(3), { headers: { 'x-frame-width': '2', 'x-frame-height': '2' } });
  await assert.rejects(r.loadFlow('vC', 0), /unexpected size/);
});

test('the frame cache evicts the least recent bitmap and closes it; evicted frames are fetched again', async () => {
  answer = () => grid(1, 1, 4);
  r.clearFrames();
  const closedBefore = bitmapsClosed;
  for (let i = 0; i < 49; i++) await r.loadFrame('vD', i);
  assert.equal(bitmapsClosed - closedBefore, 1, 'one bitmap closed when the 49th came in');
  assert.equal(r.cachedFrame('vD', 0), undefined);
  assert.ok(r.cachedFrame('vD', 48));
  await r.loadFrame('vD', 0);
  assert.equal(count('/frames/vD/0?'), 2);
});

test('invalidateLabels drops the named frames of one track and bumps its revision', async () => {
  answer = () => grid(1, 1, 1);
  for (const i of [0, 1]) await r.loadLabels('labels', 'pE', 't', i);
  await r.loadLabels('labels', 'pE', 'other', 0);
  const rev = r.labelsRevision('pE', 't');
  r.invalidateLabels('pE', 't', [1]);
  assert.equal(r.labelsRevision('pE', 't'), rev + 1);
  assert.equal(r.labelsRevision('pE', 'other'), 0);
  for (const i of [0, 1]) await r.loadLabels('labels', 'pE', 't', i);
  await r.loadLabels('labels', 'pE', 'other', 0);
  assert.deepEqual([count('/labels/pE/t/0'), count('/labels/pE/t/1'), count('/labels/pE/other/0')], [1, 2, 1]);
});
