/**
 * Custom schemes: app:// serves the built renderer (no file:// pages), vss-frame:// serves raw
 * RGBA frames of opened videos only. Neither accepts a file path from the page.
 */
import { protocol } from 'electron';
import type { Backend } from '../backend/api.ts';
import { toWireError } from '../core/errors.ts';
import { httpStatus } from '../backend/frame-request.ts';
import { EXPOSED_HEADERS } from '../backend/resources.ts';
import { readStatic, resolveStaticPath } from '../backend/host/static-files.ts';
import { APP_CSP, APP_ORIGIN, APP_SCHEME, FRAME_SCHEME, parseResourceUrl } from './app-origin.ts';

/** Must run before app 'ready'. */
export function registerSchemes(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
    { scheme: FRAME_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
  ]);
}

function errorResponse(e: unknown, extra: Record<string, string> = {}): Response {
  const w = toWireError(e);
  return new Response(w.message + '\n', { status: httpStatus(w.code), headers: { 'content-type': 'text/plain; charset=utf-8', ...extra } });
}

export function handleProtocols(backend: Backend, rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (req) => {
    try {
      const u = new URL(req.url);
      if (u.host !== 'renderer') return new Response('not found\n', { status: 404 });
      const file = await readStatic(resolveStaticPath(rendererDir, u.pathname));
      return new Response(new Uint8Array(file.body), {
        headers: { 'content-type': file.type, 'content-security-policy': APP_CSP, 'x-content-type-options': 'nosniff' },
      });
    } catch (e) {
      return errorResponse(e);
    }
  });

  const cors = { 'access-control-allow-origin': APP_ORIGIN, 'access-control-expose-headers': EXPOSED_HEADERS };
  protocol.handle(FRAME_SCHEME, async (req) => {
    try {
      if (req.method !== 'GET') return new Response('only GET\n', { status: 405, headers: cors });
      const r = await backend.resource(parseResourceUrl(req.url));
      return new Response(new Uint8Array(r.body.buffer as ArrayBuffer, r.body.byteOffset, r.body.byteLength), { headers: { ...r.headers, ...cors } });
    } catch (e) {
      return errorResponse(e, cors);
    }
  });
}
