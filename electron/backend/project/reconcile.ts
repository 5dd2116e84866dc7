/**
 * Makes the corrections index of a just-read project.json match the disk: a crash may have
 * written correction PNGs after the last project.json (they are newer edits: indexed and locked),
 * or removed one before it (its entry is dropped).
 */
import { readdir } from 'node:fs/promises';
import { TEMP_MARK } from './atomic.ts';
import type { projectPaths } from './paths.ts';
import type { ProjectFile } from './types.ts';

/** Adds `stem` to the track's list in `map` (once). */
export function addStem(map: Record<string, string[]>, trackId: string, stem: string): void {
  const list = (map[trackId] ??= []);
  if (!list.includes(stem)) list.push(stem);
}

export async function reconcileCorrections(file: ProjectFile, paths: ReturnType<typeof projectPaths>): Promise<void> {
  for (const t of file.tracks) {
    let names: string[] = [];
    try {
      names = await readdir(paths.correctionsDir(t.id));
    } catch {
      names = [];
    }
    const stems = names.filter((n) => n.endsWith('.png') && !n.startsWith(TEMP_MARK)).map((n) => n.slice(0, -4));
    const onDisk = new Set(stems);
    const listed = file.corrections[t.id];
    if (listed) file.corrections[t.id] = listed.filter((s) => onDisk.has(s));
    for (const stem of stems) {
      addStem(file.corrections, t.id, stem);
      addStem(file.lockedFrames, t.id, stem);
    }
  }
}
