/**
 * Safe static file lookup for the built renderer. A URL path maps to a file under the root
 * only if it contains no "..", encoded dots or slashes, backslashes or NUL, and the resolved
 * path stays inside the root.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { VssError } from '../../core/errors.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** Throws VssError BAD_REQUEST for anything that looks like traversal. `rawPath` is undecoded. */
export function resolveStaticPath(root: string, rawPath: string): string {
  const lower = rawPath.toLowerCase();
  if (
    rawPath.includes('..') ||
    rawPath.includes('\\') ||
    rawPath.includes('\0') ||
    lower.includes('%2e') ||
    lower.includes('%2f') ||
    lower.includes('%5c') ||
    lower.includes('%00') ||
    rawPath.includes('//')
  ) {
    throw new VssError('BAD_REQUEST', 'invalid path');
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    throw new VssError('BAD_REQUEST', 'invalid path encoding');
  }
  const rel = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const base = resolve(root);
  const full = resolve(base, rel);
  if (!full.startsWith(base + sep)) throw new VssError('BAD_REQUEST', 'invalid path');
  return full;
}

export interface StaticFile {
  body: Buffer;
  type: string;
}

export async function readStatic(full: string): Promise<StaticFile> {
  const s = await stat(full).catch(() => undefined);
  if (!s?.isFile()) throw new VssError('NOT_FOUND', 'not found');
  return { body: await readFile(full), type: TYPES[extname(full).toLowerCase()] ?? 'application/octet-stream' };
}

/** Adds the token to the page's own asset URLs (./assets/...), so every request carries it. */
export function injectToken(html: string, token: string): string {
  return html.replace(/(src|href)="(\.?\/assets\/[^"?]+)"/g, (_m, attr: string, url: string) => `${attr}="${url}?token=${token}"`);
}
