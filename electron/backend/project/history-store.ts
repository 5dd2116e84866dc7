/**
 * A project's undo history, saved step by step. Every edit request that is an undo step carries
 * an operation id; recording it appends ONE record to history.log (a new step with its diffs, or
 * an undo/redo pointer move) before the request is answered. The log is also the write-ahead log
 * of corrections: project.json stores the sequence number its last flush included (historySeq),
 * and open() returns the effects of later records so the caller re-applies them (an acknowledged
 * edit survives a crash even when its corrected labels had not been written yet). Diffs set
 * absolute values, so re-applying a suffix of the log over labels that already hold part of it
 * gives the same labels.
 */
import { join } from 'node:path';
import { deserializeDiff, EditHistory, serializeDiff, type FrameDiff, type HistoryEntry, type HistorySteps, type SerializedHistory } from '../../core/edit/index.ts';
import type { EditStep } from '../../shared/contract.ts';
import { HistoryLog, type HistoryRecord, type StepRecord } from './history-log.ts';

export const HISTORY_LOG = 'history.log';

/** Labels to change after a crash: apply (or, for undo, revert) each diff on its stem's labels. */
export interface Effect {
  seq: number;
  track: string;
  edits: { stem: string; diff: FrameDiff; revert: boolean }[];
}

interface Meta {
  track: string;
  stems: string[];
}

export interface HistoryOpenOptions {
  /** Sequence number the saved labels include (project.json historySeq). */
  flushedSeq: number;
  /** A history saved by an older version (history.json), used when there is no log yet. */
  legacy?: { history: SerializedHistory; track: (label: string) => string; stemOf: (index: number) => string } | null;
  maxBytes?: number;
  /** The log is never compacted below this size (default 1 MiB). */
  compactSlack?: number;
}

const RECENT_OPS = 256;
/** Compact when the log is this much larger than what the live history needs (plus slack). */
const COMPACT_RATIO = 2;

export class ProjectHistory {
  private readonly meta = new WeakMap<HistoryEntry, Meta>();
  private readonly recent: string[] = [];
  private readonly known = new Set<string>();
  private lastSeq = 0;

  private constructor(
    private readonly log: HistoryLog,
    private readonly history: EditHistory,
    private readonly compactSlack: number,
  ) {}

  /** Loads dir/history.log; `pending` lists what the saved labels may lack; `dropped` torn bytes. */
  static async open(dir: string, opts: HistoryOpenOptions): Promise<{ history: ProjectHistory; pending: Effect[]; dropped: number }> {
    const { log, records, dropped } = await HistoryLog.load(join(dir, HISTORY_LOG));
    const h = new ProjectHistory(log, new EditHistory({ maxBytes: opts.maxBytes }), opts.compactSlack ?? 1 << 20);
    const pending: Effect[] = [];
    for (const r of records) {
      const effect = h.replay(r);
      if (effect && r.seq > opts.flushedSeq) pending.push(effect);
    }
    h.lastSeq = Math.max(h.lastSeq, opts.flushedSeq);
    if (records.length === 0 && opts.legacy) await h.adopt(opts.legacy);
    return { history: h, pending, dropped };
  }

  /** Sequence number of the last record. */
  get seq(): number {
    return this.lastSeq;
  }
  get logBytes(): number {
    return this.log.size;
  }
  /** True when a request with this operation id was already recorded (a retry). */
  has(op: string): boolean {
    return this.known.has(op);
  }
  /** The committed steps, as the renderer loads them (project.history, once when it opens the project). */
  steps(): HistorySteps {
    return this.history.steps();
  }

  /**
   * Appends the step to the log (fsynced), then updates the history; returns its sequence
   * number, or null when an undo/redo had nothing to move.
   */
  async record(step: EditStep, track: string, diffs: readonly FrameDiff[], stems: readonly string[]): Promise<number | null> {
    if (step.action === 'undo' ? !this.history.canUndo : step.action === 'redo' ? !this.history.canRedo : false) return null;
    const seq = this.lastSeq + 1;
    const record: HistoryRecord =
      step.action === 'do'
        ? { t: 'step', seq, op: step.op, track, label: step.label ?? 'edit', at: step.at ?? 0, diffs: diffs.map(serializeDiff), stems: [...stems] }
        : { t: step.action, seq, op: step.op };
    await this.log.append([record]);
    this.replay(record);
    return seq;
  }

  /** Rewrites the log as the live history when it grew much larger; only when all is flushed. */
  async compactIfLarge(flushedSeq: number): Promise<boolean> {
    if (this.lastSeq > flushedSeq) return false;
    const live = Math.ceil((this.history.bytes * 4) / 3);
    if (this.log.size <= COMPACT_RATIO * live + this.compactSlack) return false;
    await this.log.rewrite(this.liveRecords());
    return true;
  }

  private liveRecords(): HistoryRecord[] {
    const seq = this.lastSeq;
    const step = (e: HistoryEntry): StepRecord => {
      const m = this.meta.get(e) ?? { track: '', stems: [] };
      return { t: 'step', seq, op: '', track: m.track, label: e.label, at: e.at, diffs: e.diffs.map(serializeDiff), stems: m.stems };
    };
    const redo = [...this.history.redoEntries].reverse();
    return [
      { t: 'base', seq, ops: [...this.recent] },
      ...this.history.undoEntries.map(step),
      ...redo.map(step),
      ...redo.map((): HistoryRecord => ({ t: 'undo', seq, op: '' })),
    ];
  }

  /** Applies a record to the in-memory history; returns what it did to the labels. */
  private replay(r: HistoryRecord): Effect | null {
    this.lastSeq = Math.max(this.lastSeq, r.seq);
    if (r.t === 'base') {
      for (const op of r.ops) this.remember(op);
      return null;
    }
    this.remember(r.op);
    if (r.t === 'step') {
      const diffs = r.diffs.map(deserializeDiff);
      this.meta.set(this.history.pushEntry(r.label, diffs, r.at), { track: r.track, stems: r.stems });
      return { seq: r.seq, track: r.track, edits: diffs.map((diff, i) => ({ stem: r.stems[i]!, diff, revert: false })) };
    }
    const e = r.t === 'undo' ? this.history.undo() : this.history.redo();
    const m = e && this.meta.get(e);
    if (!e || !m) return null;
    const edits = e.diffs.map((diff, i) => ({ stem: m.stems[i]!, diff, revert: r.t === 'undo' }));
    return { seq: r.seq, track: m.track, edits: r.t === 'undo' ? edits.reverse() : edits };
  }

  private remember(op: string): void {
    if (!op || this.known.has(op)) return;
    this.known.add(op);
    this.recent.push(op);
    if (this.recent.length > RECENT_OPS) this.known.delete(this.recent.shift()!);
  }

  /** Starts the log from a history.json of an older version. */
  private async adopt(legacy: NonNullable<HistoryOpenOptions['legacy']>): Promise<void> {
    const old = EditHistory.fromJSON(legacy.history);
    const redo = [...old.redoEntries].reverse();
    for (const e of [...old.undoEntries, ...redo]) {
      this.meta.set(this.history.pushEntry(e.label, e.diffs, e.at), { track: legacy.track(e.label), stems: e.diffs.map((d) => legacy.stemOf(d.frame)) });
    }
    for (let i = 0; i < redo.length; i++) this.history.undo();
    await this.log.rewrite(this.liveRecords());
  }
}
