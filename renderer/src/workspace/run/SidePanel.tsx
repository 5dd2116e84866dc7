/**
 * The side panel (hidden with \ or the Panel button): run the engine, the tracks, overlay toggles
 * with their legends, the classes (legend and palette), frame stats and the video's facts, each
 * section collapsible.
 */
import { CompareStats } from '../../compare/CompareStats.tsx';
import { InfoPanel } from '../../components/InfoPanel.tsx';
import { PanelSection } from '../../components/PanelSection.tsx';
import { ClassList } from '../../overlays/ClassList.tsx';
import { Legends } from '../../overlays/Legends.tsx';
import { OverlayBar } from '../../overlays/OverlayBar.tsx';
import { useApp } from '../../store/index.ts';
import { TrackList } from '../tracks/TrackList.tsx';
import { RunPanel } from './RunPanel.tsx';
import { ActionButton } from '../../actions/ActionButton.tsx';

export function SidePanel() {
  const shown = useApp((s) => s.panels.side);
  const hasProject = useApp((s) => s.project !== null);
  if (!shown) return null;
  return (
    <aside className="side-panel" data-testid="side-panel">
      <RunPanel />
      {hasProject && <TrackList />}
      <PanelSection id="overlays" title="Overlays">
        <OverlayBar />
        <Legends />
      </PanelSection>
      {hasProject && (
        <PanelSection id="classes" title="Classes">
          <ActionButton id="classes.edit" testId="classes-edit-button" className="section-action">
            Edit…
          </ActionButton>
          <ClassList />
        </PanelSection>
      )}
      <CompareStats />
      <PanelSection id="video" title="Video">
        <InfoPanel />
      </PanelSection>
    </aside>
  );
}
