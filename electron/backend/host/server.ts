/**
 * The review host behind `vss serve`: serves the built renderer, frames as raw RGBA and the
 * contract over a WebSocket (requests too large for one message over POST /api/call), on
 * 127.0.0.1 by default. Every HTTP request and the WebSocket upgrade need the token (kept per
 * installation by `vss serve`, see host-state.ts); Host/Origin must name us (DNS rebinding).
 * GET /api/ping answers 200 with a good token and 401 without: pages use it to tell "host down"
 * from "token refused".
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { toWireError } from '../../core/errors.ts';
import type { Backend } from '../api.ts';
import { httpStatus } from '../frame-request.ts';
import { parseResourcePath } from '../resources.ts';
import { allowedHosts, hostAllowed, newToken, requestToken, tokenMatches } from './security.ts';
import { injectToken, readStatic, resolveStaticPath } from './static-files.ts';
import { attachSession } from './ws-session.ts';
import { handleHttpCall } from './http-call.ts';
import { WS_MAX_PAYLOAD } from '../../shared/contract.ts';

export const HOST_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "connect-src 'self' ws://127.0.0.1:* ws://localhost:*; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': HOST_CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cache-control': 'no-store',
};

export interface ReviewHostOptions {
  backend: Backend;
  /** Folder of the built renderer (index.html + assets/). */
  staticDir: string;
  port?: number;
  host?: string;
  token?: string;
}

export interface ReviewHost {
  url: string;
  /** The address actually bound (127.0.0.1 unless --host says otherwise). */
  address: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/** /api/<kind>/... for every resource kind (frames, labels, confidence, flow). */
const RESOURCE_PREFIX = /^\/api\/(frames|labels|confidence|flow)\//;

function fail(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' });
  res.end(message.split('\n')[0] + '\n');
}

/** What the request handlers need: the backend, the renderer's folder, the token, the allowed hosts. */
interface HostContext {
  backend: Backend;
  staticDir: string;
  token: string;
  /** Host/Origin values accepted; known once the port is bound. */
  allowed: Set<string>;
}

/** GET/HEAD: a resource, the ping, or a static file of the renderer (the token injected into HTML). */
async function serveGet(ctx: HostContext, req: IncomingMessage, res: ServerResponse, rawPath: string, query: URLSearchParams): Promise<void> {
  if (RESOURCE_PREFIX.test(rawPath)) {
    const r = await ctx.backend.resource(parseResourcePath(rawPath.slice('/api/'.length), query));
    res.writeHead(200, { ...SECURITY_HEADERS, ...r.headers, 'content-length': String(r.body.byteLength) });
    res.end(Buffer.from(r.body.buffer, r.body.byteOffset, r.body.byteLength));
    return;
  }
  if (rawPath === '/api/ping') {
    res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' });
    res.end('ok\n');
    return;
  }
  if (rawPath.startsWith('/api/') || rawPath === '/ws') return fail(res, 404, 'not found');
  const file = await readStatic(resolveStaticPath(ctx.staticDir, rawPath));
  const body = file.type.startsWith('text/html') ? Buffer.from(injectToken(file.body.toString('utf8'), ctx.token)) : file.body;
  res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': file.type, 'content-length': String(body.byteLength) });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** Every HTTP request: Host/Origin and token checks, then POST /api/call or a GET. */
function handleRequest(ctx: HostContext, req: IncomingMessage, res: ServerResponse): void {
  const rawUrl = req.url ?? '/';
  const rawPath = rawUrl.split('?')[0] ?? '/';
  if (!hostAllowed(req, ctx.allowed)) return fail(res, 403, 'forbidden host or origin');
  let url: URL;
  try {
    url = new URL(rawUrl, 'http://127.0.0.1');
  } catch {
    return fail(res, 400, 'bad URL');
  }
  if (!tokenMatches(requestToken(req, url), ctx.token)) return fail(res, 401, 'missing or wrong token');
  if (req.method === 'POST' && rawPath === '/api/call') {
    handleHttpCall(req, res, ctx.backend, SECURITY_HEADERS).catch(() => res.destroy());
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') return fail(res, 405, 'only GET is served (and POST /api/call)');
  serveGet(ctx, req, res, rawPath, url.searchParams).catch((e: unknown) => {
    const w = toWireError(e);
    if (!res.headersSent) fail(res, httpStatus(w.code), w.message);
    else res.destroy();
  });
}

/** The WebSocket upgrade of /ws, under the same Host/Origin and token checks. */
function handleUpgrade(ctx: HostContext, wss: WebSocketServer, req: IncomingMessage, socket: Duplex, head: Buffer): void {
  const reject = (status: number, text: string) => {
    socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  };
  let url: URL;
  try {
    url = new URL(req.url ?? '/', 'http://127.0.0.1');
  } catch {
    return reject(400, 'Bad Request');
  }
  if (!hostAllowed(req, ctx.allowed)) return reject(403, 'Forbidden');
  if (!tokenMatches(requestToken(req, url), ctx.token)) return reject(401, 'Unauthorized');
  if (url.pathname !== '/ws') return reject(404, 'Not Found');
  wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
}

export async function startReviewHost(opts: ReviewHostOptions): Promise<ReviewHost> {
  const token = opts.token ?? newToken();
  const bindHost = opts.host ?? '127.0.0.1';
  const ctx: HostContext = { backend: opts.backend, staticDir: opts.staticDir, token, allowed: new Set<string>() };
  const server = createServer((req, res) => handleRequest(ctx, req, res));
  const wss = new WebSocketServer({ noServer: true, maxPayload: WS_MAX_PAYLOAD });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => handleUpgrade(ctx, wss, req, socket, head));
  wss.on('connection', (ws) => attachSession(ws, opts.backend));

  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(opts.port ?? 0, bindHost, () => resolveListen());
  });
  const { port, address } = server.address() as AddressInfo;
  ctx.allowed = allowedHosts(bindHost, port);
  const shownHost = bindHost.includes(':') ? `[${bindHost}]` : bindHost;

  return {
    url: `http://${shownHost}:${port}/?token=${token}`,
    address,
    port,
    token,
    async close() {
      for (const c of wss.clients) c.terminate();
      await new Promise<void>((r) => wss.close(() => r()));
      const closed = new Promise<void>((r) => server.close(() => r()));
      server.closeAllConnections();
      await closed;
    },
  };
}
