/**
 * The recent-files list, persisted as JSON in the data folder (VSS_HOME or ~/.vss-studio).
 * Writes are atomic (temp file + rename) and serialized, so a crash never leaves half a file.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { RecentItem } from '../shared/contract.ts';

export const RECENT_LIMIT = 20;

/** The data folder: $VSS_HOME when set, else ~/.vss-studio. */
export function resolveDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const home = env.VSS_HOME?.trim();
  return home ? home : join(homedir(), '.vss-studio');
}

export interface RecentStore {
  list(): Promise<RecentItem[]>;
  add(path: string): Promise<RecentItem[]>;
  clear(): Promise<RecentItem[]>;
}

function isRecentItem(v: unknown): v is RecentItem {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return typeof o.path === 'string' && typeof o.openedAt === 'string';
}

export function createRecentStore(dataDir: string, now: () => Date = () => new Date()): RecentStore {
  const file = join(dataDir, 'recent.json');
  let cache: RecentItem[] | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  async function load(): Promise<RecentItem[]> {
    if (cache) return cache;
    try {
      const parsed: unknown = JSON.parse(await readFile(file, 'utf8'));
      const items = typeof parsed === 'object' && parsed !== null ? (parsed as { items?: unknown }).items : undefined;
      cache = Array.isArray(items) ? items.filter(isRecentItem).slice(0, RECENT_LIMIT) : [];
    } catch {
      cache = []; // missing or unreadable: start empty rather than fail the app
    }
    return cache;
  }

  async function save(items: RecentItem[]): Promise<RecentItem[]> {
    await mkdir(dataDir, { recursive: true });
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    await writeFile(tmp, JSON.stringify({ items }, null, 2) + '\n', 'utf8');
    await rename(tmp, file);
    cache = items;
    return items;
  }

  /** Runs read-modify-write steps one after another. */
  function serial<T>(step: () => Promise<T>): Promise<T> {
    const next = queue.then(step, step);
    queue = next.catch(() => undefined);
    return next;
  }

  return {
    list: () => serial(async () => [...(await load())]),
    add: (path) =>
      serial(async () => {
        const items = (await load()).filter((i) => i.path !== path);
        return save([{ path, openedAt: now().toISOString() }, ...items].slice(0, RECENT_LIMIT));
      }),
    clear: () => serial(() => save([])),
  };
}
