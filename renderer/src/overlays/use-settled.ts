/**
 * A value that follows `value` once it has stopped changing for `ms` (the first value at once).
 * Costly overlays (flow and flicker need backend optical flow, ~0.1 s per 1080p frame) follow the
 * settled frame, so scrubbing does not queue a flow request for every frame passed over.
 */
import { useEffect, useState } from 'react';

export function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (Object.is(value, settled)) return;
    const t = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(t);
  }, [value, settled, ms]);
  return settled;
}
