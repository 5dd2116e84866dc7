/** Recent projects, in <VSS_HOME or ~/.vss-studio>/recent-projects.json, written atomically. */
import { readFile } from 'node:fs/promises';
import { join, resolve, basename } from 'node:path';
import { resolveDataDir } from '../recent.ts';
import { writeJsonAtomic } from './atomic.ts';

export interface RecentProject {
  path: string;
  name: string;
  openedAt: string;
}

export const RECENT_PROJECTS_LIMIT = 20;

export function recentProjectsFile(env: NodeJS.ProcessEnv = process.env): string {
  return join(resolveDataDir(env), 'recent-projects.json');
}

export async function listRecentProjects(file = recentProjectsFile()): Promise<RecentProject[]> {
  try {
    const raw = JSON.parse(await readFile(file, 'utf8')) as { items?: unknown };
    if (!Array.isArray(raw.items)) return [];
    return raw.items.filter((x): x is RecentProject => {
      const o = x as Record<string, unknown>;
      return typeof o === 'object' && o !== null && typeof o.path === 'string' && typeof o.name === 'string' && typeof o.openedAt === 'string';
    });
  } catch {
    return []; // missing or unreadable: start empty rather than fail the app
  }
}

/** Puts `projectDir` first (deduplicated, capped) and returns the new list. */
export async function addRecentProject(projectDir: string, file = recentProjectsFile(), now = new Date()): Promise<RecentProject[]> {
  const path = resolve(projectDir);
  const items = [{ path, name: basename(path), openedAt: now.toISOString() }, ...(await listRecentProjects(file)).filter((i) => i.path !== path)].slice(0, RECENT_PROJECTS_LIMIT);
  await writeJsonAtomic(file, { items });
  return items;
}

export async function removeRecentProject(projectDir: string, file = recentProjectsFile()): Promise<RecentProject[]> {
  const path = resolve(projectDir);
  const items = (await listRecentProjects(file)).filter((i) => i.path !== path);
  await writeJsonAtomic(file, { items });
  return items;
}
