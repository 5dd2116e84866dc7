/**
 * Edit requests: edit.apply (diffs, validated by the contract → corrected labels, which locks the frame; a frame
 * whose labels return to the engine's loses its correction; its undo step is appended to the
 * project's history.log), edit.propagatePreview (a correction
 * carried along DIS flow with the occlusion check; the flow, the label PNGs' decoding and the warp
 * run in the workspace's flow service's worker thread, off the event loop; nothing applied) and
 * frame.lock.
 */
import { diffPixelCount, type FrameDiff } from '../../core/edit/index.ts';
import type { JobLabels } from '../../engine/flow-worker/protocol.ts';
import type { Req, Res } from '../../shared/contract.ts';
import type { HandlerGroup } from '../handlers.ts';
import { applyEdits } from '../project/edits.ts';
import type { ProjectSession } from './project-session.ts';
import { stemsToIndices } from '../../core/frame-stems.ts';
import type { Workspace } from './workspace.ts';

export type EditRequestName = 'edit.apply' | 'edit.propagatePreview' | 'frame.lock';

/**
 * edit.apply: records the request's undo step in history.log (fsynced) and applies its diffs,
 * in that order, one request at a time per project. A retried request (its op already in the
 * log) changes nothing. Answers the track's corrected frames.
 */
function applyRequest(ws: Workspace, s: ProjectSession, req: Req<'edit.apply'>): Promise<number[]> {
  const run = async (): Promise<number[]> => {
    const p = s.open.project;
    p.track(req.trackId);
    if (!req.step || !s.history.has(req.step.op)) {
      const diffs = req.frames.map((f) => ({ ...f.diff, frame: f.index }));
      const stems = diffs.map((d) => s.stems.stemOf(d.frame));
      const seq = req.step ? await s.history.record(req.step, req.trackId, diffs, stems) : null;
      const load = (stem: string, corrected: boolean) => ws.labels(s, req.trackId, stem, corrected);
      await applyEdits(p, req.trackId, diffs.map((diff, i) => ({ stem: stems[i]!, diff })), load);
      if (seq !== null) p.markApplied(seq);
    }
    return stemsToIndices(s.stems, p.correctedStems(req.trackId));
  };
  const next = s.edits.then(run, run);
  s.edits = next.catch(() => undefined);
  return next;
}

/** The propagation preview of a correction on frame `index` over [index-backward, index+forward]. */
async function propagatePreview(ws: Workspace, req: Req<'edit.propagatePreview'>): Promise<Res<'edit.propagatePreview'>> {
  const { trackId, index, forward, backward } = req;
  const s = ws.session(req.projectId);
  const video = ws.videoOf(s, "the project's video is missing: relocate it first");
  const p = s.open.project;
  p.track(trackId);
  const correction: FrameDiff = { ...req.diff, frame: index };
  const first = Math.max(0, index - backward);
  const last = Math.min(video.frameCount - 1, index + forward);
  // The labels go to the flow worker as stored: PNGs are decoded there, not on this event loop.
  const labels: [number, JobLabels][] = [];
  for (let i = first; i <= last; i++) {
    const l = i === index ? undefined : await ws.jobLabels(s, trackId, s.stems.stemOf(i)).catch(() => undefined);
    if (l) labels.push([i, l]);
  }
  const steps: [number, number][] = [];
  for (let i = index; i < last; i++) steps.push([i, i + 1]);
  for (let i = index; i > first; i--) steps.push([i, i - 1]);
  const skip: number[] = [];
  for (let i = first; i <= last; i++) if (p.isLocked(trackId, s.stems.stemOf(i))) skip.push(i);
  const proposed = await ws.flows.propagate(video.id, steps, { correction, forward: last - index, backward: index - first, labels, skip });
  return { frames: proposed.map((d) => ({ index: d.frame, diff: d, changed: diffPixelCount(d) })).filter((f) => f.changed > 0) };
}

/** The edit.* and frame.* handler table. */
export function createEditHandlers(ws: Workspace): HandlerGroup<EditRequestName> {
  return {
    'edit.apply': async (req) => ({ corrections: await applyRequest(ws, ws.session(req.projectId), req) }),
    'edit.propagatePreview': (req) => propagatePreview(ws, req),
    'frame.lock': async ({ projectId, trackId, index, locked }) => {
      const s = ws.session(projectId);
      const stem = s.stems.stemOf(index);
      if (locked) s.open.project.lockFrames(trackId, [stem]);
      else s.open.project.unlockFrames(trackId, [stem]);
      return { ok: true };
    },
  };
}
