/**
 * Undo/redo history of diffs (never whole frames). One entry is one undo step; a transaction
 * (begin → extend… → commit) folds a whole brush drag into one entry, composing the diffs of each
 * frame. The history keeps at most `maxBytes` of diffs, dropping the oldest entries first
 * (the newest entry is always kept). The caller applies what undo/redo return:
 *   const e = history.undo(); if (e) revertChange(labels, e.diffs);
 *   const e = history.redo(); if (e) applyChange(labels, e.diffs);
 */
import type { Change } from './commands.ts';
import { composeDiffs } from './compose.ts';
import { diffBytes, type FrameDiff } from './diff.ts';
import { checkDiff, deserializeDiff, type SerializedDiff } from './serialize.ts';

export interface HistoryEntry {
  /** What the step did, e.g. "brush" (shown as "Undo brush"). */
  label: string;
  /** Diffs in application order; undo reverts them last first. */
  diffs: FrameDiff[];
  bytes: number;
  /** Epoch ms when the step was committed. */
  at: number;
}

export interface HistoryOptions {
  /** Budget for undo + redo diffs (default 64 MiB). */
  maxBytes?: number;
  now?: () => number;
}

/** A committed step as it travels (project.history): its diffs stay typed arrays. */
export interface HistoryStep {
  label: string;
  at: number;
  diffs: FrameDiff[];
}

/** The committed steps: undo oldest first; redo with the step redone next last. */
export interface HistorySteps {
  undo: HistoryStep[];
  redo: HistoryStep[];
}

/** The history.json of older versions (diffs as base64): read once to migrate it to history.log. */
export interface SerializedHistory {
  version: 1;
  undo: { label: string; at: number; diffs: SerializedDiff[] }[];
  redo: { label: string; at: number; diffs: SerializedDiff[] }[];
}

function entryBytes(diffs: readonly FrameDiff[]): number {
  return diffs.reduce((s, d) => s + diffBytes(d), 0);
}

/** Composes diffs of the same frame; keeps frames in order of first appearance. */
function foldByFrame(diffs: readonly FrameDiff[]): FrameDiff[] {
  const byFrame = new Map<number, FrameDiff[]>();
  for (const d of diffs) {
    const list = byFrame.get(d.frame);
    if (list) list.push(d);
    else byFrame.set(d.frame, [d]);
  }
  return [...byFrame.values()].map(composeDiffs).filter((d) => d.oldValues.length > 0);
}

export class EditHistory {
  private undoStack: HistoryEntry[] = [];
  private redoStack: HistoryEntry[] = [];
  private pending: { label: string; diffs: FrameDiff[] } | null = null;
  private total = 0;
  private readonly maxBytes: number;
  private readonly now: () => number;
  private version = 0;

  constructor(opts: HistoryOptions = {}) {
    this.maxBytes = opts.maxBytes ?? 64 * 1024 * 1024;
    this.now = opts.now ?? Date.now;
  }

  /** Increases whenever the stacks change (cheap dirty check for autosave). */
  get revision(): number {
    return this.version;
  }
  get canUndo(): boolean {
    return this.undoStack.length > 0 || (this.pending !== null && this.pending.diffs.length > 0);
  }
  get canRedo(): boolean {
    return this.redoStack.length > 0;
  }
  get bytes(): number {
    return this.total;
  }
  /** Committed steps, oldest first, and undone steps (the last one is redone next). */
  get undoEntries(): readonly HistoryEntry[] {
    return this.undoStack;
  }
  get redoEntries(): readonly HistoryEntry[] {
    return this.redoStack;
  }
  get undoLabels(): string[] {
    return this.undoStack.map((e) => e.label);
  }
  /** The step undo() would revert next (e.g. the correction to propagate), without popping it. */
  peekUndo(): HistoryEntry | undefined {
    return this.undoStack[this.undoStack.length - 1];
  }
  get inTransaction(): boolean {
    return this.pending !== null;
  }

  /** Records an applied change as one step (ignored when change.history is false). */
  record(change: Change, label: string = change.kind): void {
    if (!change.history || change.diffs.length === 0) return;
    if (this.pending) {
      this.extend(change);
      return;
    }
    this.push({ label, diffs: change.diffs.slice(), bytes: entryBytes(change.diffs), at: this.now() });
  }

  /** Records an already folded step as it was made (e.g. replayed from a saved log); returns it. */
  pushEntry(label: string, diffs: FrameDiff[], at: number): HistoryEntry {
    const entry = { label, diffs, bytes: entryBytes(diffs), at };
    this.push(entry);
    return entry;
  }

  /** Starts a transaction (e.g. pointer down); an open one is committed first. */
  begin(label: string): void {
    if (this.pending) this.commit();
    this.pending = { label, diffs: [] };
  }

  /** Adds an applied change to the open transaction (starts one when none is open). */
  extend(change: Change): void {
    if (!this.pending) this.begin(change.kind);
    if (change.history) this.pending!.diffs.push(...change.diffs);
  }

  /** Closes the transaction as one step; returns it, or undefined when it changed nothing. */
  commit(): HistoryEntry | undefined {
    const p = this.pending;
    this.pending = null;
    if (!p || p.diffs.length === 0) return undefined;
    const diffs = foldByFrame(p.diffs);
    if (diffs.length === 0) return undefined;
    const entry = { label: p.label, diffs, bytes: entryBytes(diffs), at: this.now() };
    this.push(entry);
    return entry;
  }

  /** Drops the open transaction and returns its diffs so the caller can revert them. */
  cancel(): FrameDiff[] {
    const p = this.pending;
    this.pending = null;
    return p ? p.diffs : [];
  }

  /** Pops the last step (committing an open transaction first); the caller reverts its diffs. */
  undo(): HistoryEntry | undefined {
    if (this.pending) this.commit();
    const e = this.undoStack.pop();
    if (!e) return undefined;
    this.redoStack.push(e);
    this.version++;
    return e;
  }

  /** Re-does the last undone step; the caller applies its diffs. */
  redo(): HistoryEntry | undefined {
    if (this.pending) this.commit();
    const e = this.redoStack.pop();
    if (!e) return undefined;
    this.undoStack.push(e);
    this.version++;
    return e;
  }

  clear(): void {
    this.undoStack = [];
    this.redoStack = [];
    this.pending = null;
    this.total = 0;
    this.version++;
  }

  private push(entry: HistoryEntry): void {
    for (const e of this.redoStack) this.total -= e.bytes;
    this.redoStack = [];
    this.undoStack.push(entry);
    this.total += entry.bytes;
    while (this.total > this.maxBytes && this.undoStack.length > 1) this.total -= this.undoStack.shift()!.bytes;
    this.version++;
  }

  /** The committed steps (an open transaction is not included); the diffs are shared, not copied. */
  steps(): HistorySteps {
    const step = (e: HistoryEntry): HistoryStep => ({ label: e.label, at: e.at, diffs: e.diffs });
    return { undo: this.undoStack.map(step), redo: this.redoStack.map(step) };
  }

  /** A history of received steps; every diff is checked (a RangeError names what is inconsistent). */
  static fromSteps(steps: HistorySteps, opts: HistoryOptions = {}): EditHistory {
    const h = new EditHistory(opts);
    const read = (v: readonly HistoryStep[]): HistoryEntry[] => v.map((e) => {
      const diffs = e.diffs.map(checkDiff);
      return { label: e.label, at: e.at, diffs, bytes: entryBytes(diffs) };
    });
    h.undoStack = read(steps.undo);
    h.redoStack = read(steps.redo);
    h.total = [...h.undoStack, ...h.redoStack].reduce((s, e) => s + e.bytes, 0);
    return h;
  }

  /** Reads a legacy history.json (SerializedHistory). */
  static fromJSON(json: unknown, opts: HistoryOptions = {}): EditHistory {
    if (typeof json !== 'object' || json === null) throw new RangeError('history must be an object');
    const o = json as Record<string, unknown>;
    if (o.version !== 1) throw new RangeError(`unsupported history version ${String(o.version)}`);
    const read = (v: unknown): HistoryStep[] => {
      if (!Array.isArray(v)) throw new RangeError('history stacks must be arrays');
      return v.map((x: unknown) => {
        const e = (typeof x === 'object' && x !== null ? x : {}) as Record<string, unknown>;
        if (!Array.isArray(e.diffs)) throw new RangeError('history entry needs diffs');
        return { label: typeof e.label === 'string' ? e.label : 'edit', at: typeof e.at === 'number' ? e.at : 0, diffs: e.diffs.map(deserializeDiff) };
      });
    };
    return EditHistory.fromSteps({ undo: read(o.undo), redo: read(o.redo) }, opts);
  }
}
