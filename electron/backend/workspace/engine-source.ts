/**
 * The frames of an engine run from the engine's own sequential decoder: a private VideoService
 * on the same file (opened from its packet listing: the viewer's service already verified it),
 * read in order with its own read-ahead, so a run never moves the viewer's playhead, evicts the
 * viewer's cached frames or competes with its prefetch. Closed when the run ends.
 */
import type { VideoInfo } from '../../shared/contract.ts';
import type { FrameSource } from '../../engine/worker/client.ts';
import { stemMapFor } from '../../core/frame-stems.ts';
import { createVideoService } from '../video/service.ts';

export function engineFrameSource(info: VideoInfo): FrameSource {
  const stems = stemMapFor(info);
  const own = createVideoService({ cacheMB: 128, verify: 'packets', aheadFrames: 12, maxRuns: 1, packetAccess: false });
  let opened: Promise<VideoInfo> | null = null;
  return {
    total: info.frameCount,
    async read(index) {
      const t0 = performance.now();
      const v = await (opened ??= own.open(info.path));
      const f = await own.frame(v.id, index);
      own.playhead(v.id, index, 1);
      // Copied out of the private cache: the copy's buffer is transferred to the worker.
      return { index, stem: stems.stemOf(index), width: f.width, height: f.height, rgba: new Uint8Array(f.rgba), decodeMs: performance.now() - t0 };
    },
    close: () => own.dispose(),
  };
}
