/**
 * The advisory project lock: `.vss-lock` in a project folder says which process writes the
 * project now (a running app or review host that has it open, or `vss import`), so that two of
 * them never write one project at once (the app keeps the project in memory and autosaves it,
 * so it would overwrite what another process wrote).
 *
 * The file is created exclusively and whole (hard-linked from a temp file) and holds {pid,
 * hostname, owner, since}. A lock whose process is gone (a crash, kill -9) or that cannot be
 * read is stale and is taken over. A process may take its own lock again (references are
 * counted); the file goes when the last is released, and at the latest when the process exits.
 * A lock of another host cannot be checked, so it is honoured; its message names the file to
 * delete when that host no longer has the project open.
 */
import { hostname } from 'node:os';
import { link, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { VssError } from '../../core/errors.ts';
import { TEMP_MARK } from './atomic.ts';
import { PROJECT_FILE } from './paths.ts';

export const LOCK_FILE = '.vss-lock';

/** Who holds a lock: the app or review host (project open), or `vss import`. */
export type LockOwner = 'app' | 'import';

export interface LockInfo {
  pid: number;
  hostname: string;
  owner: LockOwner;
  /** ISO time the lock was taken. */
  since: string;
}

export interface ProjectLock {
  readonly dir: string;
  /** Drops this reference; the file goes with the last one (only while it is still ours). */
  release(): Promise<void>;
}

interface Held {
  refs: number;
  /** Settles once the file is written (or the acquire failed). */
  ready: Promise<LockInfo>;
}

/** Locks this process holds, by absolute project folder. */
const held = new Map<string, Held>();
let exitHookSet = false;

/**
 * Takes the lock of the project in `dir` for `owner` (a reference more when this process holds
 * it already). Throws LOCKED with a one-line message when another live process holds it.
 */
export async function acquireProjectLock(dir: string, owner: LockOwner): Promise<ProjectLock> {
  const root = resolve(dir);
  let h = held.get(root);
  if (h) h.refs++;
  else {
    h = { refs: 1, ready: writeLock(root, owner) };
    held.set(root, h);
    setExitHook();
  }
  try {
    await h.ready;
  } catch (e) {
    if (held.get(root) === h) held.delete(root);
    throw e;
  }
  let released = false;
  return {
    dir: root,
    release: async () => {
      if (released) return;
      released = true;
      await dropRef(root, h);
    },
  };
}

/** The lock of the project in `dir` when another live process holds it, else null. */
export async function lockOfOther(dir: string): Promise<LockInfo | null> {
  const info = await readLock(join(resolve(dir), LOCK_FILE));
  return info && !isOurs(info) && holderAlive(info) ? info : null;
}

/** Throws LOCKED when another live process holds the project's lock (takes nothing). */
export async function assertProjectUnlocked(dir: string, requester: LockOwner): Promise<void> {
  const info = await lockOfOther(dir);
  if (info) throw lockedError(resolve(dir), info, requester);
}

/** The lock of `dir` as it is on disk (null: none, or unreadable). */
export async function readProjectLock(dir: string): Promise<LockInfo | null> {
  return readLock(join(resolve(dir), LOCK_FILE));
}

async function dropRef(root: string, h: Held): Promise<void> {
  if (--h.refs > 0 || held.get(root) !== h) return;
  held.delete(root);
  const mine = await h.ready;
  await removeLockIf(join(root, LOCK_FILE), (moved) => moved !== null && sameLock(moved, mine));
}

async function writeLock(root: string, owner: LockOwner): Promise<LockInfo> {
  const path = join(root, LOCK_FILE);
  const info: LockInfo = { pid: process.pid, hostname: hostname(), owner, since: new Date().toISOString() };
  for (let attempt = 0; ; attempt++) {
    if (await createWith(path, `${JSON.stringify(info)}\n`)) return info;
    const other = await readLock(path);
    if (other && !isOurs(other) && holderAlive(other)) throw lockedError(root, other, owner);
    if (attempt >= 5) throw new VssError('LOCKED', `the lock ${path} keeps changing; another process is opening the project`);
    // Stale or unreadable: taken over, unless what is moved aside is a live lock written meanwhile.
    await removeLockIf(path, (moved) => !(moved && !isOurs(moved) && holderAlive(moved)));
  }
}

/**
 * Creates `path` holding `text` unless it exists (false then). Written to a temp file and
 * hard-linked into place, so nobody ever reads a lock half written; where the file system has
 * no hard links, created exclusively ('wx') and then written.
 */
async function createWith(path: string, text: string): Promise<boolean> {
  const tmp = asideName(path);
  try {
    await writeFile(tmp, text, { flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new VssError('NOT_FOUND', `no project at ${dirname(path)} (missing ${PROJECT_FILE})`);
    throw e;
  }
  try {
    await link(tmp, path);
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EOPNOTSUPP') throw e;
    return createExclusive(path, text);
  } finally {
    await rm(tmp, { force: true });
  }
}

async function createExclusive(path: string, text: string): Promise<boolean> {
  try {
    await writeFile(path, text, { flag: 'wx' });
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
}

/** A temp name beside the lock: opening the project sweeps it should this process die first. */
function asideName(path: string): string {
  return join(dirname(path), `${TEMP_MARK}${LOCK_FILE}.${process.pid}-${randomBytes(4).toString('hex')}`);
}

/**
 * Removes the lock file when `remove` says so of what it holds. The file is moved aside first
 * and judged there, and put back (unless a new lock took its place) when it is not to be
 * removed, so a lock written meanwhile by another process (or a new open here) is never lost.
 */
async function removeLockIf(path: string, remove: (moved: LockInfo | null) => boolean): Promise<void> {
  const aside = asideName(path);
  try {
    await rename(path, aside);
  } catch {
    return; // gone already
  }
  if (!remove(await readLock(aside))) {
    // link fails when a new lock took the place (kept) or the file system has no hard links.
    await link(aside, path).catch((e: NodeJS.ErrnoException) => (e.code === 'EEXIST' ? undefined : rename(aside, path)));
  }
  await rm(aside, { force: true });
}

async function readLock(path: string): Promise<LockInfo | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return null;
  }
  try {
    const v = JSON.parse(text) as Partial<LockInfo>;
    const ok = Number.isSafeInteger(v.pid) && (v.pid ?? 0) > 0 && typeof v.hostname === 'string' && (v.owner === 'app' || v.owner === 'import');
    return ok ? { pid: v.pid!, hostname: v.hostname!, owner: v.owner!, since: typeof v.since === 'string' ? v.since : '' } : null;
  } catch {
    return null;
  }
}

function sameLock(a: LockInfo, b: LockInfo): boolean {
  return a.pid === b.pid && a.hostname === b.hostname && a.since === b.since;
}

function isOurs(info: LockInfo): boolean {
  return info.pid === process.pid && info.hostname === hostname();
}

/** Whether the lock's process runs (a lock of another host counts as held: it cannot be checked). */
function holderAlive(info: LockInfo): boolean {
  if (info.hostname !== hostname()) return true;
  try {
    process.kill(info.pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function lockedError(root: string, info: LockInfo, requester: LockOwner): VssError {
  const t = new Date(info.since);
  const since = Number.isNaN(t.getTime()) ? '' : `, since ${String(t.getHours()).padStart(2, '0')}:${String(t.getMinutes()).padStart(2, '0')}`;
  const who = `pid ${info.pid}${info.hostname === hostname() ? '' : ` on ${info.hostname}`}${since}`;
  const what = info.owner === 'app' ? `project is open in VSS Studio (${who})` : `project is being imported into by vss import (${who})`;
  const todo =
    info.owner === 'import' ? 'wait for the import to finish' : requester === 'import' ? "close it there, or import from the app's Import dialog" : 'close it there first';
  const remote = info.hostname === hostname() ? '' : `; if it is not open there, delete ${join(root, LOCK_FILE)}`;
  return new VssError('LOCKED', `${what}; ${todo}${remote}`);
}

/** At exit (also without dispose), the locks still held go: only ours, checked synchronously. */
function setExitHook(): void {
  if (exitHookSet) return;
  exitHookSet = true;
  process.once('exit', () => {
    for (const root of held.keys()) {
      const path = join(root, LOCK_FILE);
      try {
        const v = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockInfo>;
        if (v.pid === process.pid && v.hostname === hostname()) rmSync(path, { force: true });
      } catch {
        // unreadable or gone: nothing of ours to remove
      }
    }
  });
}
