/** The frame rate of a frames folder, changeable in its project (timecodes, playback and exports follow). */
import { useEffect, useState, type FormEvent } from 'react';
import { FRAME_RATE_RANGE } from '../../../electron/core/frame-rate.ts';
import { setFrameRate } from '../classes/class-actions.ts';

export function FrameRateField({ fps }: { fps: number }) {
  const [draft, setDraft] = useState(String(fps));
  useEffect(() => setDraft(String(fps)), [fps]);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const rate = Number(draft);
    if (draft.trim() !== '' && Number.isFinite(rate) && rate !== fps) void setFrameRate(rate);
  };
  return (
    <form className="fps-form" onSubmit={submit} title="Frame rate of this frames folder, kept in the project">
      <input
        type="number"
        min={FRAME_RATE_RANGE.min}
        max={FRAME_RATE_RANGE.max}
        step="any"
        value={draft}
        aria-label="Frame rate"
        data-testid="fps-input"
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => e.key === 'Escape' && setDraft(String(fps))}
      />
      <span>fps</span>
      <button type="submit" data-testid="fps-set">
        Set
      </button>
    </form>
  );
}
