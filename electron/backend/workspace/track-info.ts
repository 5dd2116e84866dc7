/**
 * TrackInfo (the contract's view of a track) from a project's Track: frames with labels, key
 * frames, per-frame TC from the track's summary.json (records[].tcPrev) and the live run status.
 * Use trackInfos(ws, open) wherever a ProjectState is built.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { TrackInfo } from '../../shared/contract.ts';
import { meanTc } from '../../shared/run-frames.ts';
import type { Project, Track } from '../project/index.ts';
import type { OpenProject } from './project-session.ts';
import type { LiveTrackStatus } from './track-status.ts';
import type { Workspace } from './workspace.ts';

interface TcCacheEntry {
  stamp: string;
  tc: (number | null)[];
  tcMean: number | null;
}

/** Per-frame TC (tcPrev by record index) and the mean, from a summary.json object. */
export function tcFromSummary(raw: unknown): { tc: (number | null)[]; tcMean: number | null } {
  const o = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const records = Array.isArray(o.records) ? o.records : [];
  const tc: (number | null)[] = [];
  for (const r of records) {
    if (typeof r !== 'object' || r === null) continue;
    const { index, tcPrev } = r as Record<string, unknown>;
    if (!Number.isInteger(index) || (index as number) < 0 || (index as number) > 10_000_000) continue;
    while (tc.length <= (index as number)) tc.push(null);
    tc[index as number] = typeof tcPrev === 'number' && Number.isFinite(tcPrev) ? tcPrev : null;
  }
  const known = tc.filter((v): v is number => v !== null);
  const mean = typeof o.tc === 'number' && Number.isFinite(o.tc) ? o.tc : known.length ? known.reduce((a, b) => a + b, 0) / known.length : null;
  return { tc, tcMean: mean };
}

/** The per-frame TC of finished tracks' summary.json files, re-read when a file changes. */
export class TcCache {
  private readonly entries = new Map<string, TcCacheEntry>();

  async read(project: Project, trackId: string): Promise<TcCacheEntry> {
    const file = join(project.paths.trackDir(trackId), 'summary.json');
    const st = await stat(file).catch(() => undefined);
    const stamp = st ? `${st.mtimeMs}:${st.size}` : 'none';
    const hit = this.entries.get(file);
    if (hit && hit.stamp === stamp) return hit;
    let entry: TcCacheEntry = { stamp, tc: [], tcMean: null };
    if (st) {
      try {
        entry = { stamp, ...tcFromSummary(JSON.parse(await readFile(file, 'utf8'))) };
      } catch {
        // an unreadable summary only loses the TC sparkline
      }
    }
    this.entries.set(file, entry);
    return entry;
  }
}

export async function trackInfo(ws: Pick<Workspace, 'tc'>, project: Project, track: Track, live?: LiveTrackStatus): Promise<TrackInfo> {
  const running = live?.status === 'running';
  const framesDone = live && running ? live.framesDone : (await project.frames(track.id).catch(() => [])).length;
  // A run in flight (or one that stopped early) has no real summary.json: use what it reported.
  const { tc, tcMean } = live?.tc ? { tc: [...live.tc], tcMean: meanTc(live.tc) } : running ? { tc: [], tcMean: null } : await ws.tc.read(project, track.id);
  return {
    id: track.id,
    name: track.name,
    kind: track.kind,
    mode: track.mode,
    status: live?.status ?? 'done',
    framesDone,
    keyFrames: [...(live?.keyFrames ?? track.keyFrames)],
    tc,
    tcMean,
    settings: { ...track.settings },
    createdAt: track.createdAt,
    modelClasses: track.modelClasses ? structuredClone(track.modelClasses) : null,
    classMap: { ...(track.classMap ?? {}) },
  };
}

/** Every track of an open project, with live run status. */
export async function trackInfos(ws: Workspace, open: OpenProject): Promise<TrackInfo[]> {
  return Promise.all(open.project.tracks.map((t) => trackInfo(ws, open.project, t, ws.liveStatus(open.id, t.id))));
}
