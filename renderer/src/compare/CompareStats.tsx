/** Per-frame stats: TC of each track, the share of each class (bars), pixels changed between the tracks. */
import { Lru } from '../../../electron/core/lru.ts';
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/shallow';
import { useApp } from '../store/index.ts';
import { labelsRevision, loadLabels } from '../client/resources.ts';
import { labelsKey, useCompareTrack, useMainTrack, type TrackRef } from '../overlays/overlay-inputs.ts';
import { frameStats, type FrameStats } from './compare-stats.ts';
import { PanelSection } from '../components/PanelSection.tsx';

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

/** Stats of recently shown frames (keys carry the labels revisions), so scrubbing back and forth reuses them. */
const RECENT = 128;
const recent = new Lru<string, FrameStats>(RECENT);

type Track = TrackRef | null;
type ClassList = ReadonlyArray<{ id: number }>;

/** The stats of the frame at `index` for the main track (and the compared one), null while unknown. */
function useFrameStats(main: Track, other: Track, index: number, classes: ClassList): FrameStats | null {
  const [stats, setStats] = useState<FrameStats | null>(null);
  // Edits bump labelsVersion; the key then carries the new label revisions, so the stats follow.
  const version = useApp((s) => s.labelsVersion);
  // Saved edits and applied propagations drop frames from the label cache: re-read them.
  const saved = useApp((s) => s.labelsSaved);
  const rev = (t: Track) => (t ? labelsRevision(t.projectId, t.trackId) : 0);
  const key = `${labelsKey(main, index, rev(main))}|${labelsKey(other, index, rev(other))}|${version}|${saved}`;

  useEffect(() => {
    let live = true;
    if (!main || labelsKey(main, index, 0) === null) {
      setStats(null);
      return;
    }
    const ids = classes.map((k) => k.id);
    const ck = `${labelsKey(main, index, labelsRevision(main.projectId, main.trackId))}|${other ? labelsKey(other, index, labelsRevision(other.projectId, other.trackId)) : null}|${ids.join(',')}`;
    const hit = recent.get(ck);
    if (hit) {
      recent.delete(ck);
      recent.set(ck, hit);
    }
    const b = other && labelsKey(other, index, 0) !== null ? loadLabels('labels', other.projectId, other.trackId, index) : Promise.resolve(null);
    void Promise.all([loadLabels('labels', main.projectId, main.trackId, index), b]).then(([a, c]) => {
      if (!live) return;
      // A hit is also set here, not in the effect itself: setting it synchronously there added a
      // render pass ahead of the frame layer's draw (the UI bench's overlays-off row: 1.5 -> 12 ms).
      if (hit) return setStats(hit);
      const s = a ? frameStats(a.data, c?.data ?? null, ids) : null;
      if (s) {
        recent.set(ck, s);
      }
      setStats(s);
    }, () => undefined);
    return () => {
      live = false;
    };
    // key covers main/other/index and the label revisions
  }, [key, classes]);
  return stats;
}

export function CompareStats() {
  const main = useMainTrack();
  const other = useCompareTrack();
  const index = useApp((s) => s.index);
  const classes = useApp(useShallow((s) => s.project?.classes ?? []));
  const tc = useApp(useShallow((s) => {
    const p = s.project;
    const at = (id: string | undefined) => p?.tracks.find((t) => t.id === id)?.tc[s.index] ?? null;
    return [at(main?.trackId), at(other?.trackId)] as const;
  }));
  const stats = useFrameStats(main, other, index, classes);

  if (!main) return null;
  const name = (id: number) => classes.find((c) => c.id === id);
  return (
    <PanelSection id="stats" title={`Frame ${index}`} className="compare-stats">
      <div className="section-body" data-testid="frame-stats">
      <div className="stat-line">
        TC <b data-testid="stat-tc">{tc[0] !== null ? tc[0].toFixed(3) : '—'}</b>
        {other && <> vs <b>{tc[1] !== null ? tc[1].toFixed(3) : '—'}</b></>}
      </div>
      {stats?.changed !== null && stats?.changed !== undefined && (
        <div className="stat-line" data-testid="stat-changed">
          Changed <b>{stats.changed.toLocaleString()}</b> px ({pct(stats.changedShare ?? 0)})
        </div>
      )}
      <ul className="class-bars" data-testid="class-bars">
        {stats?.shares.map((s) => {
          const c = name(s.id);
          const color = c ? `rgb(${c.color.join(',')})` : '#888';
          return (
            <li key={s.id} data-class={s.id} data-share={s.main.toFixed(4)} title={`${c?.name ?? s.id}: ${pct(s.main)}${s.compare !== null ? ` vs ${pct(s.compare)}` : ''}`}>
              <span className="bar-name">{c?.name ?? `class ${s.id}`}</span>
              <span className="bar">
                <span style={{ width: pct(s.main), background: color }} />
                {s.compare !== null && <span className="bar-compare" style={{ width: pct(s.compare), background: color }} />}
              </span>
              <span className="bar-value">{pct(s.main)}</span>
            </li>
          );
        })}
      </ul>
      </div>
    </PanelSection>
  );
}
