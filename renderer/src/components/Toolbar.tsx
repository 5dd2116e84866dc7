/** Toolbar: open by path (with recent files), native Browse in the desktop app, fit / 1:1, play. */
import { useState, type FormEvent } from 'react';
import { client } from '../client/bridge.ts';
import { browse, openPath } from '../app/actions.ts';
import { useApp } from '../store/index.ts';
import { currentView } from '../store/view-slice.ts';

export function Toolbar() {
  const [path, setPath] = useState('');
  const recent = useApp((s) => s.recent);
  const opening = useApp((s) => s.opening);
  const hasVideo = useApp((s) => s.video !== null);
  const playing = useApp((s) => s.playing);
  const zoom = useApp((s) => currentView(s).scale);
  const fit = useApp((s) => s.fit);
  const oneToOne = useApp((s) => s.oneToOne);
  const setPlaying = useApp((s) => s.setPlaying);

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
      <div className="spacer" />
      <button onClick={fit} disabled={!hasVideo} data-testid="fit-button" title="Fit (F)">
        Fit
      </button>
      <button onClick={oneToOne} disabled={!hasVideo} data-testid="one-to-one-button" title="Actual pixels (1)">
        1:1
      </button>
      <span className="zoom" data-testid="zoom-level">
        {Math.round(zoom * 100)}%
      </span>
      <button onClick={() => setPlaying(!playing)} disabled={!hasVideo} data-testid="play-button" title="Play / pause (Space)">
        {playing ? 'Pause' : 'Play'}
      </button>
    </header>
  );
}
