/**
 * The app's own origin and what may load from it (pure; no electron import, unit-tested).
 * Pages come from app://renderer/..., frames and label grids from vss-frame://<kind>/<...>.
 */
import { VssError } from '../core/errors.ts';
import { parseResourcePath, type ResourceRequest } from '../backend/resources.ts';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = 'app://renderer';
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;
export const FRAME_SCHEME = 'vss-frame';

export const APP_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "connect-src 'self' vss-frame:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

/** True only for pages of our own app origin (used to check IPC senders and navigation). */
export function isAppUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === 'renderer';
  } catch {
    return false;
  }
}

/** Parses vss-frame://<kind>/<...>[?raw=1] for every resource kind (see backend/resources.ts). */
export function parseResourceUrl(url: string): ResourceRequest {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new VssError('BAD_REQUEST', 'bad resource URL');
  }
  if (u.protocol !== `${FRAME_SCHEME}:` || u.hash || u.searchParams.has('token')) throw new VssError('BAD_REQUEST', 'resource URL must be vss-frame://<kind>/<...>');
  return parseResourcePath(`${u.host}${u.pathname}`, u.searchParams);
}

/**
 * The file to open from the command line: `electron . clip.mp4` (dev: argv[0] is electron, the
 * first positional the app path) or `VSS Studio clip.mp4` (packaged). Switches such as
 * --no-sandbox or --inspect=0 (added by test runners, possibly in front) are skipped.
 */
export function pathFromArgv(argv: readonly string[], isPackaged: boolean): string | undefined {
  const positional = argv.slice(1).filter((a) => a.length > 0 && !a.startsWith('-'));
  return isPackaged ? positional[0] : positional[1];
}
