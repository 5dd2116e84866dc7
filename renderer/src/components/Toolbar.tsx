/** Toolbar: open by path (with recent files), native Browse in the desktop app, fit / 1:1, play, the side panel and the shortcut sheet. */
import { useState, type FormEvent } from 'react';
import { client } from '../client/bridge.ts';
import { browse, openPath } from '../app/actions.ts';
import { useApp } from '../store/index.ts';
import { currentView } from '../store/view-slice.ts';
import { ActionButton } from '../actions/ActionButton.tsx';
import { ProjectControls } from '../project/ProjectBar.tsx';

export function Toolbar() {
  const [path, setPath] = useState('');
  const recent = useApp((s) => s.recent);
  const opening = useApp((s) => s.opening);
  const playing = useApp((s) => s.playing);
  const zoom = useApp((s) => currentView(s).scale);

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const input = e.currentTarget.querySelector('input');
    // After a successful open, leave the text field so the arrow keys scrub again.
    void openPath(path).then((ok) => ok && input?.blur());
  };

  return (
    <header className="toolbar">
      <span className="brand">VSS Studio</span>
      {client.transport === 'electron' && (
        <button onClick={() => void browse()} data-testid="browse-button">
          Browse…
        </button>
      )}
      <form className="open-form" onSubmit={submit}>
        <input
          data-testid="open-path-input"
          className="path-input"
          placeholder="Path of a video file or a folder of frames"
          value={path}
          list="recent-paths"
          spellCheck={false}
          onChange={(e) => setPath(e.target.value)}
        />
        <datalist id="recent-paths">
          {recent.map((r) => (
            <option key={r.path} value={r.path} />
          ))}
        </datalist>
        <button type="submit" data-testid="open-button" disabled={opening}>
          {opening ? 'Opening…' : 'Open'}
        </button>
      </form>
      <select
        data-testid="recent-select"
        value=""
        onChange={(e) => e.target.value && void openPath(e.target.value)}
        disabled={recent.length === 0}
        title="Open a recent file"
      >
        <option value="">Recent…</option>
        {recent.map((r) => (
          <option key={r.path} value={r.path}>
            {r.path}
          </option>
        ))}
      </select>
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
