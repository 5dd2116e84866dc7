/**
 * Applying label diffs to a project's track (the one place that turns diffs into corrections),
 * and opening a project's undo history with crash recovery: log records written after the
 * labels were last saved are applied again, so every acknowledged edit survives a crash.
 */
import { applyDiff, revertDiff, type FrameDiff } from '../../core/edit/index.ts';
import type { LabelMap } from '../../core/types.ts';
import { VssError } from '../../core/errors.ts';
import { ProjectHistory } from './history-store.ts';
import type { Project } from './project.ts';

export interface StemEdit {
  stem: string;
  diff: FrameDiff;
  /** Restore the diff's old values instead of applying it (an undo). */
  revert?: boolean;
}

function sameLabels(a: LabelMap, b: LabelMap): boolean {
  if (a.width !== b.width || a.height !== b.height) return false;
  for (let i = 0; i < a.data.length; i++) if (a.data[i] !== b.data[i]) return false;
  return true;
}

/** Reads a frame's labels: with its correction (corrected) or the engine's own. */
export type LabelLoader = (stem: string, corrected: boolean) => Promise<LabelMap>;

/**
 * Applies diffs in order (each frame's labels read once, through `load`: the workspace serves
 * frames of a running engine from memory); a frame whose labels return to the engine's loses
 * its correction.
 */
export async function applyEdits(p: Project, trackId: string, edits: readonly StemEdit[], load?: LabelLoader): Promise<void> {
  p.track(trackId);
  const read: LabelLoader = load ?? ((stem, corrected) => p.loadLabels(trackId, stem, { corrected }));
  const working = new Map<string, LabelMap>();
  for (const { stem, diff, revert } of edits) {
    let labels = working.get(stem);
    if (!labels) working.set(stem, (labels = await read(stem, true)));
    if (diff.width !== labels.width || diff.height !== labels.height) {
      throw new VssError('BAD_REQUEST', `diff of frame ${diff.frame} is ${diff.width}x${diff.height} but its labels are ${labels.width}x${labels.height}`);
    }
    if (revert) revertDiff(labels, diff);
    else applyDiff(labels, diff);
  }
  for (const [stem, labels] of working) {
    const raw = await read(stem, false);
    if (!sameLabels(labels, raw)) p.stageCorrection(trackId, stem, labels);
    else if (p.correctedStems(trackId).includes(stem)) await p.removeCorrection(trackId, stem);
  }
}

export interface OpenedHistory {
  history: ProjectHistory;
  /** Log records re-applied to the labels (edits acknowledged before a crash but not yet saved). */
  recovered: number;
  /** Bytes of a torn last record that were dropped. */
  dropped: number;
  /** One line per record that could not be re-applied (e.g. its track was deleted). */
  problems: string[];
}

/** Opens the project's history.log, re-applying what the saved labels lack, then saves. */
export async function openProjectHistory(p: Project, stemOf: (index: number) => string): Promise<OpenedHistory> {
  const old = await p.loadLegacyHistory();
  const legacy = old && { history: old, stemOf, track: (label: string) => label.slice(label.lastIndexOf('@') + 1) };
  const { history, pending, dropped } = await ProjectHistory.open(p.dir, { flushedSeq: p.flushedSeq, legacy });
  const problems: string[] = [];
  for (let i = 0; i < pending.length; ) {
    let j = i + 1; // consecutive records of one track are applied together (each frame read once)
    while (j < pending.length && pending[j]!.track === pending[i]!.track) j++;
    const run = pending.slice(i, j);
    try {
      await applyEdits(p, run[0]!.track, run.flatMap((e) => e.edits));
    } catch (err) {
      problems.push(`edits ${run[0]!.seq}–${run[run.length - 1]!.seq} of track ${run[0]!.track} could not be recovered: ${err instanceof Error ? err.message : String(err)}`);
    }
    p.markApplied(run[run.length - 1]!.seq);
    i = j;
  }
  if (pending.length > 0) await p.flush();
  return { history, recovered: pending.length, dropped, problems };
}
