/**
 * import.plan / import.start / import.cancel: labels from other tools into an open project
 * (backend/import). An import runs in the background with import.progress and import.done
 * events; corrections are imported in the project's edit queue, so an edit never interleaves
 * with them. An import is not an undo step.
 */
import { randomBytes } from 'node:crypto';
import type { ImportPlanInfo, ImportRequest } from '../../shared/contract.ts';
import type { HandlerGroup } from '../handlers.ts';
import { VssError } from '../../core/errors.ts';
import { planImport, runImport, type ImportOptions, type ImportPlan } from '../import/index.ts';
import { progressMeter } from './export-progress.ts';
import { emitChanged, type ProjectSession } from './project-session.ts';
import type { Workspace } from './workspace.ts';

export type ImportRequestName = 'import.plan' | 'import.start' | 'import.cancel';

function options(ws: Workspace, s: ProjectSession, r: ImportRequest): ImportOptions {
  const video = s.open.videoId ? ws.video.get(s.open.videoId) : undefined;
  if (!video) throw new VssError('BAD_REQUEST', "importing needs the project's video (frames are matched against it): relocate it first");
  if (r.as === 'track' && !r.name?.trim()) throw new VssError('BAD_REQUEST', 'name the new track');
  const mode: ImportOptions['mode'] = r.as === 'track' ? { as: 'track', name: r.name!.trim() } : { as: 'corrections', track: r.trackId ?? 'corrected', replaceCorrected: r.replaceCorrected ?? false };
  return {
    format: r.format,
    from: r.from,
    mode,
    target: { width: video.width, height: video.height, frameCount: video.frameCount, stems: s.stems },
    ...(r.map ? { map: r.map } : {}),
    ...(r.unmatched ? { unmatched: r.unmatched } : {}),
  };
}

/** The contract form of a plan (counts and lists, not every matched frame). */
export function planInfo(p: ImportPlan): ImportPlanInfo {
  const f = p.frames;
  return {
    format: p.format,
    from: p.from,
    as: p.as,
    trackId: p.trackId,
    classes: p.classes.map((c) => ({ source: c.source, target: c.target, how: c.how })),
    frames: { source: f.source, matched: f.matched.length, byIndex: f.matched.filter((m) => m.by === 'index').length, unmatched: f.unmatched, duplicates: f.duplicates, notInTrack: f.notInTrack, alreadyCorrected: f.alreadyCorrected },
    notes: p.notes,
  };
}

export function createImportHandlers(ws: Workspace): HandlerGroup<ImportRequestName> {
  const jobs = new Map<string, AbortController>();
  return {
    'import.plan': async (r) => {
      const s = ws.session(r.projectId);
      return planInfo(await planImport(s.open.project, options(ws, s, r)));
    },
    'import.start': async (r) => {
      const s = ws.session(r.projectId);
      const opts = options(ws, s, r);
      await s.autosaver.flush();
      const jobId = `i${randomBytes(5).toString('hex')}`;
      const abort = new AbortController();
      jobs.set(jobId, abort);
      const meter = progressMeter();
      const run = () => runImport(s.open.project, { ...opts, signal: abort.signal, onProgress: (done, total) => ws.emit('import.progress', { jobId, ...meter(done, total) }) });
      const job = r.as === 'corrections' ? (s.edits = s.edits.then(run, run)) : run();
      void job
        .then(
          async (res) => {
            await emitChanged(ws, r.projectId);
            const what = res.as === 'track' ? `as track "${r.name}"` : `as corrections of ${res.trackId}`;
            ws.emit('import.done', { jobId, projectId: r.projectId, status: 'done', message: `imported ${res.imported} frames ${what}`, trackId: res.trackId, imported: res.imported });
          },
          (e: unknown) => {
            const cancelled = e instanceof VssError && e.code === 'CANCELLED';
            const message = cancelled ? 'import cancelled' : e instanceof Error ? e.message.split('\n')[0]! : String(e);
            ws.emit('import.done', { jobId, projectId: r.projectId, status: cancelled ? 'cancelled' : 'failed', message, trackId: null, imported: 0 });
          },
        )
        .finally(() => jobs.delete(jobId));
      return { jobId };
    },
    'import.cancel': async ({ jobId }) => {
      const job = jobs.get(jobId);
      if (!job) return { cancelled: false };
      job.abort();
      return { cancelled: true };
    },
  };
}
