/**
 * Capped exponential backoff with jitter, for every retry the page makes (reconnecting, saving
 * queued edits, reloading a frame): attempt n waits a random time between half and all of
 * min(cap, base·2ⁿ), so many tabs retrying at once spread out and a dead host sees a bounded
 * number of requests.
 */
export interface BackoffOptions {
  baseMs?: number;
  capMs?: number;
  random?: () => number;
}

export const BACKOFF_BASE_MS = 250;
export const BACKOFF_CAP_MS = 10_000;

export function backoffDelay(attempt: number, opts: BackoffOptions = {}): number {
  const ceiling = Math.min(opts.capMs ?? BACKOFF_CAP_MS, (opts.baseMs ?? BACKOFF_BASE_MS) * 2 ** Math.min(Math.max(0, attempt), 30));
  return Math.round(ceiling / 2 + ((opts.random ?? Math.random)() * ceiling) / 2);
}
