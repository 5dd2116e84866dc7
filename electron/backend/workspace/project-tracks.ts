/** TrackInfo (contract) of a project track: key frames, per-frame TC from summary.json, frames done. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TrackInfo } from '../../shared/contract.ts';
import type { Project } from '../project/project.ts';
import type { Track } from '../project/types.ts';
import type { StemMap } from './project-stems.ts';

interface SummaryTc {
  tcMean: number | null;
  /** index → tcPrev */
  tcByIndex: Map<number, number | null>;
}

async function readTc(project: Project, trackId: string, stems: StemMap): Promise<SummaryTc> {
  const out: SummaryTc = { tcMean: null, tcByIndex: new Map() };
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(join(project.paths.trackDir(trackId), 'summary.json'), 'utf8'));
  } catch {
    return out;
  }
  const o = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  if (typeof o.tc === 'number' && Number.isFinite(o.tc)) out.tcMean = o.tc;
  if (!Array.isArray(o.records)) return out;
  for (const r of o.records as unknown[]) {
    if (typeof r !== 'object' || r === null) continue;
    const rec = r as Record<string, unknown>;
    const index = typeof rec.stem === 'string' && stems.indexOf(rec.stem) >= 0 ? stems.indexOf(rec.stem) : typeof rec.index === 'number' ? rec.index : -1;
    if (index < 0) continue;
    out.tcByIndex.set(index, typeof rec.tcPrev === 'number' && Number.isFinite(rec.tcPrev) ? rec.tcPrev : null);
  }
  return out;
}

export async function trackInfo(project: Project, track: Track, frameCount: number, stems: StemMap): Promise<TrackInfo> {
  const framesDone = (await project.frames(track.id)).length;
  const { tcMean, tcByIndex } = await readTc(project, track.id, stems);
  const n = Math.max(frameCount, framesDone);
  const tc: (number | null)[] = new Array<number | null>(n).fill(null);
  for (const [i, v] of tcByIndex) if (i < n) tc[i] = v;
  const known = tc.filter((v): v is number => v !== null);
  return {
    id: track.id,
    name: track.name,
    kind: track.kind,
    mode: track.mode,
    status: 'done',
    framesDone,
    keyFrames: [...track.keyFrames],
    tc,
    tcMean: tcMean ?? (known.length ? known.reduce((a, b) => a + b, 0) / known.length : null),
    settings: track.settings,
    createdAt: track.createdAt,
  };
}
