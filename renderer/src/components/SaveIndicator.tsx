import { useShallow } from 'zustand/shallow';
import { useApp } from '../store/index.ts';
import { saveIndicator } from './save-indicator.ts';

/** Status bar item: connected, saving, all saved, offline or error (see save-indicator.ts). */
export function SaveIndicator() {
  const link = useApp((s) => s.link);
  const save = useApp(useShallow((s) => s.save));
  const ind = saveIndicator(link, save);
  return (
    <div className={`save-indicator ${ind.kind}`} data-testid="save-indicator" data-kind={ind.kind} title={ind.detail} role="status" aria-live="polite">
      <span className="save-dot" aria-hidden="true" />
      {ind.text}
    </div>
  );
}
