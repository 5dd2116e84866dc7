/**
 * Access checks of the review host: the per-run token (required on every HTTP request and on
 * the WebSocket upgrade) and Host/Origin checks against DNS rebinding.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const TOKEN_HEADER = 'x-vss-token';

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

/** The token from `?token=` or the x-vss-token header, if any. */
export function requestToken(req: IncomingMessage, url: URL): string | undefined {
  const header = req.headers[TOKEN_HEADER];
  if (typeof header === 'string' && header) return header;
  return url.searchParams.get('token') ?? undefined;
}

export function tokenMatches(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Host names a page may use to reach us: loopback names plus the bound host. */
export function allowedHosts(boundHost: string, port: number): Set<string> {
  const names = new Set(['127.0.0.1', 'localhost', boundHost]);
  return new Set([...names].map((n) => `${n}:${port}`));
}

/** Rejects requests whose Host (or Origin, when sent) is not ours: a rebinding page would send its own name. */
export function hostAllowed(req: IncomingMessage, allowed: Set<string>): boolean {
  const host = req.headers.host;
  if (!host || !allowed.has(host.toLowerCase())) return false;
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  return allowed.has(origin.toLowerCase().replace(/^http:\/\//, '')) && origin.toLowerCase().startsWith('http://');
}
