/**
 * Edit requests: edit.apply (serialized diffs → corrected labels, which locks the frame; a frame
 * whose labels return to the engine's loses its correction), edit.propagatePreview (a correction
 * carried along DIS flow with the occlusion check; nothing applied) and frame.lock.
 */
import { applyDiff, deserializeDiff, diffPixelCount, previewPropagation, serializeDiff, type FrameDiff } from '../../core/edit/index.ts';
import type { FlowField, LabelMap } from '../../core/types.ts';
import type { HandlerGroup } from '../handlers.ts';
import { VssError } from '../../core/errors.ts';
import type { WorkspaceContext } from './context.ts';
import { EditFlowCache } from './edit-flow.ts';
import { sessionOf, type ProjectSession } from './project-session.ts';
import { stemsToIndices } from '../../core/frame-stems.ts';

export type EditRequestName = 'edit.apply' | 'edit.propagatePreview' | 'frame.lock';

export function parseWireDiff(text: string, where: string): FrameDiff {
  try {
    return deserializeDiff(JSON.parse(text));
  } catch (e) {
    throw new VssError('BAD_REQUEST', `${where}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

export const wireDiff = (d: FrameDiff): string => JSON.stringify(serializeDiff(d));

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

async function applyFrames(s: ProjectSession, trackId: string, frames: { index: number; diff: string }[]): Promise<number[]> {
  const p = s.open.project;
  p.track(trackId);
  const diffs = frames.map((f, i) => ({ index: f.index, diff: parseWireDiff(f.diff, `frames[${i}].diff`) }));
  for (const { index, diff } of diffs) {
    const stem = s.stems.stemOf(index);
    const labels = await p.loadLabels(trackId, stem);
    checkSize(diff, labels, index);
    applyDiff(labels, diff);
    const raw = await p.loadLabels(trackId, stem, { corrected: false });
    if (sameLabels(labels, raw)) {
      if (p.correctedStems(trackId).includes(stem)) await p.removeCorrection(trackId, stem);
    } else {
      p.stageCorrection(trackId, stem, labels);
    }
  }
  return stemsToIndices(s.stems, p.correctedStems(trackId));
}

export function createEditHandlers(ctx: WorkspaceContext): HandlerGroup<EditRequestName> {
  const flows = new EditFlowCache(ctx.video);
  return {
    'edit.apply': async ({ projectId, trackId, frames }) => ({ corrections: await applyFrames(sessionOf(ctx, projectId), trackId, frames) }),
    'edit.propagatePreview': async ({ projectId, trackId, index, diff, forward, backward }) => {
      const s = sessionOf(ctx, projectId);
      const videoId = s.open.videoId;
      const video = videoId ? ctx.video.get(videoId) : undefined;
      if (!videoId || !video) throw new VssError('BAD_REQUEST', "the project's video is missing: relocate it first");
      const p = s.open.project;
      p.track(trackId);
      const correction = parseWireDiff(diff, 'diff');
      correction.frame = index;
      const first = Math.max(0, index - backward);
      const last = Math.min(video.frameCount - 1, index + forward);
      const labels = new Map<number, LabelMap>();
      const fwd = new Map<string, FlowField>();
      const occ = new Map<string, Uint8Array>();
      for (let i = first; i <= last; i++) {
        const l = i === index ? undefined : await p.loadLabels(trackId, s.stems.stemOf(i)).catch(() => undefined);
        if (l) labels.set(i, l);
      }
      for (let i = index; i < last; i++) await addPair(i, i + 1);
      for (let i = index; i > first; i--) await addPair(i, i - 1);
      async function addPair(a: number, b: number): Promise<void> {
        const pair = await flows.pair(videoId!, a, b);
        fwd.set(`${a}:${b}`, pair.forward);
        fwd.set(`${b}:${a}`, pair.backward);
        occ.set(`${a}:${b}`, pair.occluded);
      }
      const proposed = previewPropagation(correction, (a, b) => fwd.get(`${a}:${b}`), (f) => labels.get(f), {
        forward: last - index,
        backward: index - first,
        skipFrame: (f) => p.isLocked(trackId, s.stems.stemOf(f)),
        occlusion: (a, b) => occ.get(`${a}:${b}`),
      });
      return { frames: proposed.map((d) => ({ index: d.frame, diff: wireDiff(d), changed: diffPixelCount(d) })).filter((f) => f.changed > 0) };
    },
    'frame.lock': async ({ projectId, trackId, index, locked }) => {
      const s = sessionOf(ctx, projectId);
      const stem = s.stems.stemOf(index);
      if (locked) s.open.project.lockFrames(trackId, [stem]);
      else s.open.project.unlockFrames(trackId, [stem]);
      return { ok: true };
    },
  };
}
