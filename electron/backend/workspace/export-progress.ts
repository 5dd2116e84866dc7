/** Frames per second and time left of a job from its done/total counts. */
import type { ProgressInfo } from '../../shared/contract.ts';

export function progressMeter(now: () => number = Date.now): (done: number, total: number) => ProgressInfo {
  const start = now();
  return (done, total) => {
    const sec = Math.max(1e-3, (now() - start) / 1000);
    const fps = done / sec;
    return { done, total, fps: Math.round(fps * 10) / 10, etaSec: fps > 0 ? Math.round(((total - done) / fps) * 10) / 10 : 0 };
  };
}
