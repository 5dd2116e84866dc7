import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { decodeMessage, encodeMessage } from '../../shared/contract.ts';
import { createBackend } from '../api.ts';
import { startReviewHost, type ReviewHost } from './server.ts';
import { fakeVideoService } from './fake-video.test-support.ts';
import type { ServerMessage } from '../../shared/contract.ts';

let host: ReviewHost;
let videoId = '';
const dir = mkdtempSync(join(tmpdir(), 'vss-host-'));

before(async () => {
  const dist = join(dir, 'dist');
  mkdirSync(join(dist, 'assets'), { recursive: true });
  writeFileSync(join(dist, 'index.html'), '<script type="module" src="./assets/app.js"></script>');
  writeFileSync(join(dist, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), 'secret');
  const backend = createBackend({ video: fakeVideoService(5), transport: 'browser', version: 'test', dataDir: join(dir, 'home') });
  videoId = (await backend.handle('video.open', { path: '/clips/a.mp4' })).id;
  host = await startReviewHost({ backend, staticDir: dist, port: 0 });
});
after(() => host.close());

interface Reply {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}
function get(path: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, path, method: 'GET', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('latin1'), headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}
const t = () => `token=${host.token}`;

function wsOpen(url: string, headers: Record<string, string> = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`status ${res.statusCode}`)));
    ws.once('error', reject);
  });
}
function nextMessage(ws: WebSocket): Promise<ServerMessage> {
  return new Promise((resolve) => ws.once('message', (d, isBinary) => resolve(decodeMessage(isBinary ? new Uint8Array(d as Buffer) : d.toString()) as ServerMessage)));
}

test('the host binds only 127.0.0.1; the URL carries a long random token', () => {
  assert.equal(host.address, '127.0.0.1');
  assert.match(host.url, /^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{32}$/);
});

test('HTTP without a token or with a wrong token is refused with 401', async () => {
  assert.equal((await get('/')).status, 401);
  assert.equal((await get('/?token=wrong')).status, 401);
  assert.equal((await get(`/api/frames/${videoId}/0`)).status, 401);
  assert.equal((await get('/', { 'x-vss-token': 'nope' })).status, 401);
});

test('the page is served with CSP and nosniff, and its asset URLs get the token', async () => {
  const r = await get(`/?${t()}`);
  assert.equal(r.status, 200);
  assert.match(String(r.headers['content-security-policy']), /default-src 'self'/);
  assert.equal(r.headers['x-content-type-options'], 'nosniff');
  assert.ok(r.body.includes(`./assets/app.js?${t()}`));
  assert.equal((await get(`/assets/app.js?${t()}`)).status, 200);
  assert.equal((await get('/', { 'x-vss-token': host.token })).status, 200);
});

test('traversal paths are refused', async () => {
  for (const p of ['/../package.json', '/%2e%2e/', '/%2E%2E/package.json', '/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2fsecret.txt', '/assets%5c..%5csecret.txt', '/a\\..\\secret.txt', '/%00', '/api/frames/../../etc/passwd']) {
    const r = await get(`${p}?${t()}`);
    assert.ok(r.status === 400 || r.status === 404, `${p} gave ${r.status}`);
    assert.doesNotMatch(r.body, /secret$/);
    assert.equal(r.body.trim().split('\n').length, 1);
  }
});

test('a frame of an opened video comes back as raw RGBA with x-frame headers', async () => {
  const r = await get(`/api/frames/${videoId}/3?${t()}`);
  assert.equal(r.status, 200);
  assert.equal(r.headers['x-frame-width'], '4');
  assert.equal(r.headers['x-frame-height'], '2');
  assert.equal(r.headers['x-frame-index'], '3');
  assert.equal(r.body.length, 32);
  assert.equal(r.body.charCodeAt(0), 3);
});

test('bad frame requests get 400/404 with a one-line message', async () => {
  const cases: [string, number][] = [
    ['unknown/0', 404],
    [`${videoId}/-1`, 400],
    [`${videoId}/1.5`, 400],
    [`${videoId}/abc`, 400],
    [`${videoId}/5`, 404],
    [`${videoId}/99999999`, 404],
    [`${videoId}`, 400],
  ];
  for (const [p, status] of cases) {
    const r = await get(`/api/frames/${p}?${t()}`);
    assert.equal(r.status, status, p);
    assert.equal(r.body.trim().split('\n').length, 1);
  }
});

test('a foreign Host or Origin header is refused (DNS rebinding)', async () => {
  assert.equal((await get(`/?${t()}`, { host: `evil.example:${host.port}` })).status, 403);
  assert.equal((await get(`/?${t()}`, { origin: 'http://evil.example' })).status, 403);
  assert.equal((await get(`/?${t()}`, { host: `localhost:${host.port}` })).status, 200);
});

test('only GET is served', async () => {
  const status = await new Promise<number>((resolve) => {
    const req = request({ host: '127.0.0.1', port: host.port, path: `/?${t()}`, method: 'POST' }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.end();
  });
  assert.equal(status, 405);
});

test('WebSocket upgrade needs the token and a matching origin', async () => {
  const base = `ws://127.0.0.1:${host.port}/ws`;
  await assert.rejects(wsOpen(base), /401/);
  await assert.rejects(wsOpen(`${base}?token=wrong`), /401/);
  await assert.rejects(wsOpen(`${base}?${t()}`, { origin: 'http://evil.example' }), /403/);
});

test('a valid WebSocket request works and malformed ones get BAD_REQUEST without closing', async () => {
  const ws = await wsOpen(`ws://127.0.0.1:${host.port}/ws?${t()}`, { origin: `http://127.0.0.1:${host.port}` });
  try {
    ws.send('not json');
    const bad = await nextMessage(ws);
    assert.ok(bad.kind === 'response' && !bad.ok && bad.error.code === 'BAD_REQUEST');
    ws.send(JSON.stringify({ kind: 'request', id: 7, name: 'no.such', req: {} }));
    const unknown = await nextMessage(ws);
    assert.ok(unknown.kind === 'response' && unknown.id === 7 && !unknown.ok && unknown.error.code === 'BAD_REQUEST');
    ws.send(JSON.stringify({ kind: 'request', id: 8, name: 'video.playhead', req: { videoId, index: -2, direction: 1 } }));
    const invalid = await nextMessage(ws);
    assert.ok(invalid.kind === 'response' && !invalid.ok && /index/.test(invalid.error.message));
    ws.send(JSON.stringify({ kind: 'request', id: 9, name: 'video.list', req: {} }));
    const ok = await nextMessage(ws);
    assert.ok(ok.kind === 'response' && ok.id === 9 && ok.ok);
    assert.equal((ok.res as { videos: unknown[] }).videos.length, 1);
  } finally {
    ws.close();
  }
});

function post(path: string, body: string | Uint8Array, headers: Record<string, string> = {}): Promise<Reply> {
  const type = typeof body === 'string' ? 'application/json' : 'application/octet-stream';
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, path, method: 'POST', headers: { 'content-type': type, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

test('/api/ping tells a good token (200) from a refused one (401)', async () => {
  assert.equal((await get('/api/ping', { 'x-vss-token': host.token })).status, 200);
  assert.equal((await get('/api/ping', { 'x-vss-token': 'wrong' })).status, 401);
});

test('POST /api/call carries requests larger than a WebSocket message; it needs the token', async () => {
  // A 3 MB diff (every pixel of a 2048x1536 frame): the contract allows it, a WebSocket message does not.
  const n = 2048 * 1536;
  const diff = { frame: 0, width: 2048, height: 1536, runs: new Uint32Array([0, n]), newValues: new Uint8Array([1]), oldValues: new Uint8Array(n) };
  const body = encodeMessage({ name: 'edit.apply', req: { projectId: 'p0', trackId: 't', frames: [{ index: 0, diff }] } });
  assert.ok(body instanceof Uint8Array && body.length > n && body.length < n + 1024, 'binary body: raw bytes, not base64');
  assert.equal((await post('/api/call', body)).status, 401);
  const r = await post('/api/call', body, { 'x-vss-token': host.token });
  const msg = JSON.parse(r.body) as { ok: boolean; error?: { code: string; message: string } };
  assert.equal(msg.ok, false);
  assert.equal(msg.error?.code, 'NOT_FOUND', 'the request reached the backend (no open project p0)');
  const ok = JSON.parse((await post('/api/call', JSON.stringify({ name: 'video.list', req: {} }), { 'x-vss-token': host.token })).body) as { ok: boolean; res: { videos: unknown[] } };
  assert.equal(ok.ok, true);
  assert.equal(ok.res.videos.length, 1);
  assert.equal((await post('/api/call', '{not json', { 'x-vss-token': host.token })).status, 400);
});

test('binary frames carry typed arrays to the validators; a malformed one gets BAD_REQUEST without closing', async () => {
  const ws = await wsOpen(`ws://127.0.0.1:${host.port}/ws?${t()}`, { origin: `http://127.0.0.1:${host.port}` });
  try {
    const diff = { frame: 0, width: 4, height: 1, runs: new Uint32Array([3, 2]), newValues: new Uint8Array([1]), oldValues: new Uint8Array([0, 0]) };
    const req = { projectId: 'p', trackId: 't', index: 0, diff, forward: 1, backward: 0 };
    ws.send(encodeMessage({ kind: 'request', id: 11, name: 'edit.propagatePreview', req }));
    const leaves = await nextMessage(ws);
    assert.ok(leaves.kind === 'response' && leaves.id === 11 && !leaves.ok, 'refused');
    assert.equal(leaves.error.message, 'edit.propagatePreview.diff: diff runs leave the frame');
    ws.send(new Uint8Array([0x56, 0x53, 0x42, 0x31, 255, 0, 0, 0]));
    const torn = await nextMessage(ws);
    assert.ok(torn.kind === 'response' && !torn.ok && torn.error.code === 'BAD_REQUEST' && /malformed binary message/.test(torn.error.message));
    ws.send(JSON.stringify({ kind: 'request', id: 12, name: 'video.list', req: {} }));
    assert.ok((await nextMessage(ws)).kind === 'response', 'still open');
  } finally {
    ws.close();
  }
});
