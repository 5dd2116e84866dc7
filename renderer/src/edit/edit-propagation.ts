/**
 * Propagation (preview on the backend, apply as one undo step) and frame locks, over the edit
 * core's session (edit-core.ts).
 */
import { diffBetween, type FrameDiff } from '../../../electron/core/edit/index.ts';
import { currentTrackId } from '../store/project-slice.ts';
import type { EditCore } from './edit-core.ts';
import type { EditSession } from './edit-session.ts';

/** Everything corrected on `frame`: its current labels against the engine's. */
async function frameCorrections(core: EditCore, s: EditSession, projectId: string, trackId: string, frame: number): Promise<FrameDiff | undefined> {
  await core.ensureLabels(frame);
  const now = s.labelsOf(frame);
  if (!now) return undefined;
  return diffBetween(await core.deps.fetchLabels(projectId, trackId, frame, true), now, frame);
}

/**
 * Asks the backend to carry a correction of `frame` along the flow: all of the frame's
 * corrections (its labels against the engine's), or only the last edit step. The proposed diffs
 * go to `keep` before the store shows the preview; false when there is nothing to show.
 */
async function requestPreview(core: EditCore, frame: number, keep: (diffs: FrameDiff[]) => void): Promise<boolean> {
  const s = core.current();
  const p = core.st().project;
  if (!s || !p || !s.trackId) return false;
  const trackId = s.trackId;
  const { forward, backward, scope } = core.st().propagate;
  core.st().setPreviewBusy(true);
  try {
    const correction = scope === 'all' ? await frameCorrections(core, s, p.id, trackId, frame) : s.lastCorrection(frame);
    if (!correction || correction.oldValues.length === 0) {
      core.st().notify('warning', scope === 'all' ? `Nothing to propagate: frame ${frame} has no corrections` : 'Nothing to propagate: the last edit step is not on this frame');
      return false;
    }
    const { frames } = await core.deps.call('edit.propagatePreview', { projectId: p.id, trackId, index: frame, diff: correction, forward, backward });
    keep(frames.map((f) => ({ ...f.diff, frame: f.index })));
    core.st().setPreview({ source: frame, trackId, frames: frames.map((f) => ({ index: f.index, changed: f.changed })) });
    if (frames.length === 0) core.st().notify('info', 'Propagation reached no pixels (occluded or out of frame)');
    return true;
  } catch (e) {
    core.st().notify('error', `Propagation failed: ${e instanceof Error ? e.message : String(e)}`);
    return false;
  } finally {
    core.st().setPreviewBusy(false);
  }
}

/** Locks or unlocks `frame` of the current track (shown at once, reverted if the backend refuses). */
async function toggleLock(core: EditCore, frame: number): Promise<void> {
  const p = core.st().project;
  const trackId = currentTrackId(p);
  if (!p || !trackId) return;
  const locked = !(p.locked[trackId] ?? []).includes(frame);
  core.st().setFrameLocked(trackId, frame, locked);
  try {
    await core.deps.call('frame.lock', { projectId: p.id, trackId, index: frame, locked });
  } catch (e) {
    core.st().setFrameLocked(trackId, frame, !locked);
    core.st().notify('error', e instanceof Error ? e.message : String(e));
  }
}

export function propagationCommands(core: EditCore) {
  let previewDiffs: FrameDiff[] = [];
  return {
    /** Requests a preview of `frame`'s correction carried along the flow; false when none is shown. */
    previewPropagation(frame: number): Promise<boolean> {
      return requestPreview(core, frame, (diffs) => (previewDiffs = diffs));
    },
    /** Proposed diff of one frame of the preview (for the highlight). */
    previewDiff(frame: number): FrameDiff | undefined {
      return previewDiffs.find((d) => d.frame === frame);
    },
    applyPreview(): void {
      const s = core.current();
      const pv = core.st().preview;
      if (!s || !pv || s.trackId !== pv.trackId) return;
      s.applyPropagation(previewDiffs);
      if (previewDiffs.some((d) => d.frame === core.st().index)) core.notify(core.st().index, null);
      previewDiffs = [];
      core.st().setPreview(null);
    },
    discardPreview(): void {
      previewDiffs = [];
      core.st().setPreview(null);
    },
    toggleLock: (frame: number): Promise<void> => toggleLock(core, frame),
  };
}
