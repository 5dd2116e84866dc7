/**
 * export.start / export.cancel: runs exportTrack in the background with an AbortSignal and
 * reports export.progress (with fps and ETA) and export.done events.
 */
import { randomBytes } from 'node:crypto';
import type { HandlerGroup } from '../handlers.ts';
import { VssError } from '../../core/errors.ts';
import { exportTrack } from '../export/index.ts';
import { progressMeter } from './export-progress.ts';
import type { Workspace } from './workspace.ts';

export type ExportRequestName = 'export.start' | 'export.cancel';

/** The export.* handler table. */
export function createExportHandlers(ws: Workspace): HandlerGroup<ExportRequestName> {
  const jobs = new Map<string, AbortController>();
  return {
    'export.start': async ({ projectId, trackId, corrected, format, out, from, to, overwrite, zip }) => {
      const s = ws.session(projectId);
      const project = s.open.project;
      project.track(trackId);
      const videoId = s.open.videoId;
      if (format === 'video' && !videoId) throw new VssError('BAD_REQUEST', "the overlay video needs the project's video: relocate it first");
      if (from !== undefined && to !== undefined && from > to) throw new VssError('BAD_REQUEST', `the frame range ${from}..${to} is empty`);
      await s.autosaver.flush();
      const jobId = `x${randomBytes(5).toString('hex')}`;
      const abort = new AbortController();
      jobs.set(jobId, abort);
      const meter = progressMeter();
      const fps = videoId ? ws.video.get(videoId)?.fps : undefined;
      void exportTrack(project, {
        format,
        track: trackId,
        corrected,
        out,
        from,
        to,
        overwrite: overwrite ?? false,
        zip: zip ?? false,
        fps,
        frames: videoId ? (i) => ws.video.frame(videoId, i) : undefined,
        stems: s.stems,
        signal: abort.signal,
        onProgress: (p) => ws.emit('export.progress', { jobId, ...meter(p.done, p.total) }),
      }).then(
        (r) => ws.emit('export.done', { jobId, status: 'done', message: `exported ${r.frames} frames to ${r.out}`, out: r.out }),
        (e: unknown) => {
          const cancelled = e instanceof VssError && e.code === 'CANCELLED';
          ws.emit('export.done', { jobId, status: cancelled ? 'cancelled' : 'failed', message: cancelled ? 'export cancelled' : e instanceof Error ? e.message.split('\n')[0]! : String(e), out });
        },
      ).finally(() => jobs.delete(jobId));
      return { jobId };
    },
    'export.cancel': async ({ jobId }) => {
      const job = jobs.get(jobId);
      if (!job) return { cancelled: false };
      job.abort();
      return { cancelled: true };
    },
  };
}
