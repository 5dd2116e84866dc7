/**
 * "frame N / total" (0-based index), the true presentation time of that frame, and the go-to-frame
 * field (G focuses it; Enter jumps, Escape leaves it).
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { appStore, useApp } from '../store/index.ts';
import { formatTimecode } from '../app/timecode.ts';
import { parseGoto } from '../app/goto.ts';

function GotoFrame({ frameCount }: { frameCount: number }) {
  const [text, setText] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const request = useApp((s) => s.gotoRequest);
  useEffect(() => {
    if (request > 0) input.current?.focus();
  }, [request]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const s = appStore.getState();
    const r = parseGoto(text, frameCount);
    if ('error' in r) return s.notify('warning', r.error);
    s.setPlaying(false);
    s.seek(r.index);
    setText('');
    input.current?.blur(); // back to the shortcuts
  };
  return (
    <form className="goto-frame" onSubmit={submit} title="Go to frame (G)">
      <input
        ref={input}
        data-testid="goto-frame"
        aria-label="Go to frame"
        placeholder="Go to… (G)"
        inputMode="numeric"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key !== 'Escape') return;
          setText('');
          e.currentTarget.blur();
        }}
      />
    </form>
  );
}

export function FrameCounter() {
  const index = useApp((s) => s.index);
  const frameCount = useApp((s) => s.video?.frameCount ?? 0);
  const pts = useApp((s) => s.video?.timestamps[s.index] ?? 0);
  if (frameCount === 0) return <div className="frame-counter muted" data-testid="frame-counter">no video</div>;
  return (
    <div className="frame-counter">
      <span data-testid="frame-counter" data-index={index}>
        frame {index} / {frameCount}
      </span>
      <span className="timecode" data-testid="timecode" title={`frame ${index}`}>
        {formatTimecode(pts)}
      </span>
      <GotoFrame frameCount={frameCount} />
    </div>
  );
}
