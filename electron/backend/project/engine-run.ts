/**
 * Reading an engine run folder: <run>/labels/<stem>.png, <run>/confidence/<stem>.png,
 * <run>/summary.json (mode, frames, keyFrames, settings, per-frame records).
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { VssError } from '../../core/errors.ts';
import { naturalCompare } from '../video/natural-sort.ts';

export interface RunSummaryInfo {
  mode: string;
  keyFrames: number[];
  settings: Record<string, unknown>;
}

/** Frame stems of a labels folder, in natural order ("2" before "10"). */
export async function listStems(labelsDir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(labelsDir);
  } catch {
    return [];
  }
  return names.filter((n) => n.toLowerCase().endsWith('.png') && !n.startsWith('.')).map((n) => n.slice(0, -4)).sort(naturalCompare);
}

export async function assertRunDir(runDir: string): Promise<string[]> {
  try {
    if (!(await stat(runDir)).isDirectory()) throw new Error('not a folder');
  } catch {
    throw new VssError('NOT_FOUND', `engine run folder not found: ${runDir}`);
  }
  const stems = await listStems(join(runDir, 'labels'));
  if (stems.length === 0) throw new VssError('NOT_FOUND', `no labels/<frame>.png in engine run ${runDir}`);
  return stems;
}

export async function readRunSummary(runDir: string): Promise<RunSummaryInfo> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(join(runDir, 'summary.json'), 'utf8'));
  } catch {
    return { mode: 'unknown', keyFrames: [], settings: {} };
  }
  const o = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const keyFrames = Array.isArray(o.keyFrames) ? o.keyFrames.filter((k): k is number => Number.isInteger(k) && (k as number) >= 0) : [];
  const settings = typeof o.settings === 'object' && o.settings !== null && !Array.isArray(o.settings) ? (o.settings as Record<string, unknown>) : {};
  return { mode: typeof o.mode === 'string' ? o.mode : 'unknown', keyFrames, settings };
}
