/** Toolbar: the open controls (OpenControls.tsx), the project's, fit / 1:1, play, the side panel and the shortcut sheet. */
import { useApp } from '../store/index.ts';
import { currentView } from '../store/view-slice.ts';
import { ActionButton } from '../actions/ActionButton.tsx';
import { ProjectControls } from '../project/ProjectBar.tsx';
import { OpenControls } from './OpenControls.tsx';

export function Toolbar() {
  const playing = useApp((s) => s.playing);
  const zoom = useApp((s) => currentView(s).scale);

  return (
    <header className="toolbar">
      <span className="brand">VSS Studio</span>
      <OpenControls />
      <ProjectControls />
      <div className="spacer" />
      <ActionButton id="view.fit" testId="fit-button">
        Fit
      </ActionButton>
      <ActionButton id="view.actual" testId="one-to-one-button">
        1:1
      </ActionButton>
      <span className="zoom" data-testid="zoom-level">
        {Math.round(zoom * 100)}%
      </span>
      <ActionButton id="playback.toggle" testId="play-button">
        {playing ? 'Pause' : 'Play'}
      </ActionButton>
      <ActionButton id="panel.side" testId="side-panel-toggle">
        Panel
      </ActionButton>
      <ActionButton id="help.shortcuts" testId="shortcuts-button">
        ?
      </ActionButton>
    </header>
  );
}
