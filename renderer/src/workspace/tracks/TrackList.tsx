/** The project's tracks: main (radio), compare (radio), status, mean TC, rename (double-click), delete; compare mode. */
import { useState } from 'react';
import { useShallow } from 'zustand/shallow';
import type { ProjectView, TrackInfo } from '../../../../electron/shared/contract.ts';
import { useApp } from '../../store/index.ts';
import { currentTrackId } from '../../store/project-slice.ts';
import { PanelSection } from '../../components/PanelSection.tsx';
import { deleteTrack, renameTrack, selectCompare, selectMain, setCompareMode } from './track-actions.ts';

function TrackRow({ t, main, compare, total }: { t: TrackInfo; main: boolean; compare: boolean; total: number }) {
  const [editing, setEditing] = useState(false);
  const [confirm, setConfirm] = useState(false);
  const status = t.status === 'running' ? `${t.framesDone}/${total}` : t.status;
  return (
    <li className={`track-row${main ? ' main' : ''}`} data-testid="track-row" data-track={t.id} data-status={t.status}>
      <input type="radio" name="main-track" checked={main} onChange={() => selectMain(t.id)} title="Main track" data-testid="track-main" />
      <input type="radio" name="compare-track" checked={compare} disabled={main} onChange={() => selectCompare(t.id)} title="Compare track" data-testid="track-compare" />
      {editing ? (
        <input
          autoFocus
          className="track-name-input"
          defaultValue={t.name}
          data-testid="track-rename-input"
          onBlur={(e) => {
            setEditing(false);
            void renameTrack(t.id, e.target.value);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') e.currentTarget.blur();
            if (e.key === 'Escape') setEditing(false);
          }}
        />
      ) : (
        <span className="track-name" title={`${t.mode} · double-click to rename`} onDoubleClick={() => setEditing(true)} data-testid="track-name">
          {t.name}
        </span>
      )}
      <span className={`track-status ${t.status}`} data-testid="track-status">
        {status}
      </span>
      <span className="track-tc" title="mean temporal consistency">
        {t.tcMean !== null ? `TC ${t.tcMean.toFixed(3)}` : ''}
      </span>
      {confirm ? (
        <button className="danger" data-testid="track-delete-confirm" onClick={() => void deleteTrack(t.id)} onBlur={() => setConfirm(false)}>
          Delete?
        </button>
      ) : (
        <button className="link" title="Delete track" data-testid="track-delete" onClick={() => setConfirm(true)}>
          ✕
        </button>
      )}
    </li>
  );
}

const MODES: ProjectView['compareMode'][] = ['off', 'side-by-side', 'swipe', 'diff'];

export function TrackList() {
  const tracks = useApp(useShallow((s) => s.project?.tracks ?? []));
  const mainId = useApp((s) => currentTrackId(s.project));
  const compareId = useApp((s) => s.project?.view.compareTrackId ?? null);
  const mode = useApp((s) => s.project?.view.compareMode ?? 'off');
  const total = useApp((s) => s.video?.frameCount ?? 0);
  return (
    <PanelSection id="tracks" title="Tracks">
      <div className="section-body" data-testid="track-list">
      {tracks.length === 0 ? (
        <p className="muted">No tracks yet: run the engine.</p>
      ) : (
        <ul className="tracks">
          {tracks.map((t) => (
            <TrackRow key={t.id} t={t} main={t.id === mainId} compare={t.id === compareId} total={total} />
          ))}
        </ul>
      )}
      <div className="compare-modes" role="group" aria-label="Compare">
        {MODES.map((m) => (
          <button key={m} className={mode === m ? 'on' : ''} data-testid={`compare-${m}`} disabled={tracks.length < 2 && m !== 'off'} onClick={() => setCompareMode(m)}>
            {m}
          </button>
        ))}
        {compareId && (
          <button className="link" onClick={() => selectCompare(null)} title="Stop comparing">
            clear
          </button>
        )}
      </div>
      </div>
    </PanelSection>
  );
}
