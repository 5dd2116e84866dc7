/** The review side panel: run the engine, the tracks, overlay toggles with their legends, frame stats. */
import { CompareStats } from '../../compare/CompareStats.tsx';
import { Legends } from '../../overlays/Legends.tsx';
import { OverlayBar } from '../../overlays/OverlayBar.tsx';
import { useApp } from '../../store/index.ts';
import { TrackList } from '../tracks/TrackList.tsx';
import { RunPanel } from './RunPanel.tsx';

export function SidePanel() {
  const hasProject = useApp((s) => s.project !== null);
  return (
    <aside className="side-panel" data-testid="side-panel">
      <RunPanel />
      {hasProject && <TrackList />}
      <section className="panel-section">
        <h3>Overlays</h3>
        <OverlayBar />
        <Legends />
      </section>
      <CompareStats />
    </aside>
  );
}
