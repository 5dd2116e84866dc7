/**
 * Edit requests: edit.apply (diffs, validated by the contract → corrected labels, which locks the frame; a frame
 * whose labels return to the engine's loses its correction), edit.propagatePreview (a correction
 * carried along DIS flow with the occlusion check, the flow computed by the workspace's flow
 * service off the event loop; nothing applied) and frame.lock.
 */
import { applyDiff, diffPixelCount, previewPropagation, type FrameDiff } from '../../core/edit/index.ts';
import type { FlowPair } from '../../engine/flow/forward-backward.ts';
import type { LabelMap } from '../../core/types.ts';
import type { Req, Res } from '../../shared/contract.ts';
import type { HandlerGroup } from '../handlers.ts';
import { VssError } from '../../core/errors.ts';
import type { ProjectSession } from './project-session.ts';
import { stemsToIndices } from '../../core/frame-stems.ts';
import type { Workspace } from './workspace.ts';

export type EditRequestName = 'edit.apply' | 'edit.propagatePreview' | 'frame.lock';

function sameLabels(a: LabelMap, b: LabelMap): boolean {
  if (a.width !== b.width || a.height !== b.height) return false;
  for (let i = 0; i < a.data.length; i++) if (a.data[i] !== b.data[i]) return false;
  return true;
}

function checkSize(d: FrameDiff, l: LabelMap, index: number): void {
  if (d.width !== l.width || d.height !== l.height) {
    throw new VssError('BAD_REQUEST', `diff of frame ${index} is ${d.width}x${d.height} but its labels are ${l.width}x${l.height}`);
  }
}

async function applyFrames(ws: Workspace, s: ProjectSession, trackId: string, frames: Req<'edit.apply'>['frames']): Promise<number[]> {
  const p = s.open.project;
  p.track(trackId);
  for (const { index, diff } of frames) {
    const stem = s.stems.stemOf(index);
    const labels = await ws.labels(s, trackId, stem);
    checkSize(diff, labels, index);
    applyDiff(labels, diff);
    const raw = await ws.labels(s, trackId, stem, false);
    if (sameLabels(labels, raw)) {
      if (p.correctedStems(trackId).includes(stem)) await p.removeCorrection(trackId, stem);
    } else {
      p.stageCorrection(trackId, stem, labels);
    }
  }
  return stemsToIndices(s.stems, p.correctedStems(trackId));
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
  const labels = new Map<number, LabelMap>();
  for (let i = first; i <= last; i++) {
    const l = i === index ? undefined : await ws.labels(s, trackId, s.stems.stemOf(i)).catch(() => undefined);
    if (l) labels.set(i, l);
  }
  const steps: [number, number][] = [];
  for (let i = index; i < last; i++) steps.push([i, i + 1]);
  for (let i = index; i > first; i--) steps.push([i, i - 1]);
  const pairs = new Map<string, FlowPair>();
  for (const [a, b] of steps) pairs.set(`${a}:${b}`, await ws.flows.pair(video.id, a, b));
  const proposed = previewPropagation(correction, (a, b) => pairs.get(`${a}:${b}`)?.forward, (f) => labels.get(f), {
    forward: last - index,
    backward: index - first,
    skipFrame: (f) => p.isLocked(trackId, s.stems.stemOf(f)),
    occlusion: (a, b) => pairs.get(`${a}:${b}`)?.occluded,
  });
  return { frames: proposed.map((d) => ({ index: d.frame, diff: d, changed: diffPixelCount(d) })).filter((f) => f.changed > 0) };
}

/** The edit.* and frame.* handler table. */
export function createEditHandlers(ws: Workspace): HandlerGroup<EditRequestName> {
  return {
    'edit.apply': async ({ projectId, trackId, frames }) => ({ corrections: await applyFrames(ws, ws.session(projectId), trackId, frames) }),
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
