/**
 * What `vss serve` keeps between runs, in <VSS home>/review-host.json (mode 0600, written
 * atomically): the installation's access token and the port it last listened on. A restarted
 * host reuses both, so a page that was open keeps working; `--new-token` makes a new token
 * (pages opened with the old one then show a reconnect screen).
 */
import { chmod, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../project/atomic.ts';
import { newToken } from './security.ts';

export const HOST_STATE_FILE = 'review-host.json';

export interface HostState {
  token: string;
  /** Port of the last run; 0 when none is known. */
  port: number;
}

const TOKEN = /^[A-Za-z0-9_-]{32,128}$/;

async function read(path: string): Promise<HostState | null> {
  try {
    const v = JSON.parse(await readFile(path, 'utf8')) as Partial<HostState>;
    if (typeof v.token !== 'string' || !TOKEN.test(v.token)) return null;
    const port = typeof v.port === 'number' && Number.isInteger(v.port) && v.port > 0 && v.port < 65536 ? v.port : 0;
    return { token: v.token, port };
  } catch {
    return null;
  }
}

/** The saved state (a new token when there is none, it is unreadable, or `rotate`). */
export async function loadHostState(home: string, opts: { rotate?: boolean } = {}): Promise<HostState> {
  const path = join(home, HOST_STATE_FILE);
  const saved = opts.rotate ? null : await read(path);
  if (!saved) {
    const fresh = { token: newToken(), port: 0 };
    await saveHostState(home, fresh);
    return fresh;
  }
  // Someone loosened the file's permissions: the token is a password, so tighten them again.
  if (process.platform !== 'win32' && ((await stat(path)).mode & 0o077) !== 0) await chmod(path, 0o600);
  return saved;
}

export async function saveHostState(home: string, state: HostState): Promise<void> {
  await writeFileAtomic(join(home, HOST_STATE_FILE), JSON.stringify(state, null, 2) + '\n', 0o600);
}
