/** Opening: a path (with recent files) and a frames folder's frame rate, native Browse in the desktop app, the recent list. */
import { useState, type FormEvent } from 'react';
import { client } from '../client/bridge.ts';
import { browse, openPath } from '../app/actions.ts';
import { appStore, useApp } from '../store/index.ts';
import { FRAME_RATE_RANGE } from '../../../electron/core/frame-rate.ts';

export function OpenControls() {
  const [path, setPath] = useState('');
  const [fps, setFps] = useState('');
  const recent = useApp((s) => s.recent);
  const opening = useApp((s) => s.opening);

  /** The typed frame rate: undefined when empty, null (with a message) when not a number. */
  const rate = (): number | undefined | null => {
    if (fps.trim() === '') return undefined;
    if (Number.isFinite(Number(fps))) return Number(fps);
    appStore.getState().notify('warning', 'The frame rate must be a number of frames per second');
    return null;
  };
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const input = e.currentTarget.querySelector('input');
    const r = rate();
    // After a successful open, leave the text field so the arrow keys scrub again.
    if (r !== null) void openPath(path, r).then((ok) => ok && input?.blur());
  };

  return (
    <>
      {client.transport === 'electron' && (
        <button
          data-testid="browse-button"
          onClick={() => {
            const r = rate();
            if (r !== null) void browse(r);
          }}
        >
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
        <input
          data-testid="open-fps-input"
          className="fps-input"
          type="number"
          min={FRAME_RATE_RANGE.min}
          max={FRAME_RATE_RANGE.max}
          step="any"
          placeholder="fps"
          aria-label="Frame rate of a frames folder"
          title="Frame rate of a frames folder (default 30, kept in its project; a video file has its own)"
          value={fps}
          onChange={(e) => setFps(e.target.value)}
        />
        <button type="submit" data-testid="open-button" disabled={opening}>
          {opening ? 'Opening…' : 'Open'}
        </button>
      </form>
      <RecentSelect />
    </>
  );
}

/** The recent files: choosing one opens it. */
function RecentSelect() {
  const recent = useApp((s) => s.recent);
  return (
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
  );
}
