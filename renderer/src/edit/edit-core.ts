/**
 * What the edit commands share (edit-controller.ts): the EditSession of the open project and its
 * current track (made or reset when they change, its saved undo history loaded once queued edits
 * are in), the labels of the frames being edited (fetched once per frame and track), and the
 * dirty rectangle the mask layer repaints.
 */
import type { Superpixels } from '../../../electron/core/superpixel/superpixels.ts';
import { backoffDelay } from '../client/backoff.ts';
import type { AppState, AppStore } from '../store/app-store.ts';
import { currentTrackId } from '../store/project-slice.ts';
import { unionRect, type Rect } from './dirty-rect.ts';
import type { EditDeps } from './edit-controller.ts';
import { EditSession, entryKind } from './edit-session.ts';

export class EditCore {
  private active: EditSession | null = null;
  private activeProject: string | null = null;
  private historyReady: Promise<void> = Promise.resolve();
  private readonly loading = new Map<string, Promise<void>>();
  /** Dirty rectangle accumulated since the layer last drew ('none': nothing; null: everything). */
  private pending: Rect | null | 'none' = 'none';

  constructor(
    private readonly store: AppStore,
    readonly deps: EditDeps,
  ) {}

  st(): AppState {
    return this.store.getState();
  }

  /** Labels of `frame` changed inside `rect` (null: everywhere). */
  notify(frame: number, rect: Rect | null): void {
    const p = this.pending;
    if (frame !== this.st().editFrame) this.pending = null;
    else this.pending = rect === null || p === null ? null : p === 'none' ? rect : unionRect(p, rect);
    this.st().labelsChanged(frame, this.pending);
  }

  /** Notes a change of `frame` when an edit made one. */
  changed(frame: number, rect: Rect | null): void {
    if (rect) this.notify(frame, rect);
  }

  /** The layer drew everything notified so far. */
  drawn(): void {
    this.pending = 'none';
  }

  /** The labels read so far are stale (a track's class map changed): the next use starts a fresh session. */
  reload(): void {
    this.active = null;
    this.activeProject = null;
    this.loading.clear();
  }

  /** The session of the open project and its current track (made or reset when they change). */
  current(): EditSession | null {
    const p = this.st().project;
    if (!p) {
      this.active = null;
      this.activeProject = null;
      return null;
    }
    if (!this.active || this.activeProject !== p.id) {
      this.activeProject = p.id;
      const s = this.newSession(p.id, p.dir, p.ignoreIndex);
      this.active = s;
      this.syncHistory();
      this.historyReady = this.loadHistory(s, p.id);
    }
    this.active.setTrack(currentTrackId(p));
    return this.active;
  }

  /** Fetches the labels of `frame` for editing (once per frame and track). */
  ensureLabels(frame: number): Promise<void> {
    const s = this.current();
    const p = this.st().project;
    const trackId = s?.trackId;
    if (!s || !p || !trackId) return Promise.resolve();
    if (s.labelsOf(frame)) {
      if (this.st().editFrame !== frame) this.notify(frame, null);
      return Promise.resolve();
    }
    const key = `${p.id}/${trackId}/${frame}`;
    const pending = this.loading.get(key);
    if (pending) return pending;
    const job = s
      .idle() // edits still on their way must land before the labels are read back
      .then(this.deps.settled)
      .then(() => this.deps.fetchLabels(p.id, trackId, frame))
      .then((l) => {
        if (this.current() === s && s.trackId === trackId && !s.labelsOf(frame)) s.setLabels(frame, l);
        if (this.st().index === frame) this.notify(frame, null);
      })
      .catch((e: unknown) => this.st().notify('error', `Cannot load the labels of frame ${frame}: ${e instanceof Error ? e.message : String(e)}`))
      .finally(() => this.loading.delete(key));
    this.loading.set(key, job);
    return job;
  }

  /** Runs an undo or redo on the session now, or once its saved history is loaded. */
  whenReady(step: (s: EditSession) => number[]): void {
    const s = this.current();
    if (!s) return;
    const run = (): void => {
      if (this.active !== s) return;
      if (step(s).includes(this.st().index)) this.notify(this.st().index, null);
    };
    if (s.ready) run();
    else void this.historyReady.then(run);
  }

  /** Resolves when the history is loaded and every edit so far was answered. */
  async idle(): Promise<void> {
    this.current();
    await this.historyReady;
    await this.active?.idle();
    await this.deps.settled();
  }

  /** The frame's superpixels, or null with a note while the worker still computes them. */
  readySuperpixels(frame: number): Superpixels | null {
    const sp = this.deps.superpixels?.(frame) ?? null;
    if (!sp) this.st().notify('info', 'The superpixels of this frame are still being computed');
    return sp;
  }

  private newSession(projectId: string, dir: string, ignoreIndex: number): EditSession {
    const { deps } = this;
    return new EditSession(
      ignoreIndex,
      { apply: async (trackId, frames, step) => (await deps.apply(dir, { projectId, trackId, frames, ...(step ? { step: { ...step, op: '' } } : {}) })).corrections },
      {
        onCorrections: (trackId, indices, frames) => {
          deps.onLabelsSaved?.(projectId, trackId, frames);
          if (this.st().project?.id === projectId) this.st().setCorrections(trackId, indices);
        },
        onHistory: () => this.syncHistory(),
        onError: (m) => this.st().notify('error', m),
      },
    );
  }

  private syncHistory(): void {
    const h = this.active?.history;
    const undo = h?.peekUndo();
    const labels = h?.undoLabels ?? [];
    this.st().setHistoryState({ canUndo: h?.canUndo ?? false, canRedo: h?.canRedo ?? false, undoLabel: undo ? entryKind(undo.label) : (labels.length ? 'edit' : null), redoLabel: h?.canRedo ? 'edit' : null });
  }

  /** Loads the saved history into a new session once queued edits are in (retried while offline). */
  private async loadHistory(s: EditSession, projectId: string): Promise<void> {
    for (let attempt = 0; this.active === s; attempt++) {
      try {
        await this.deps.settled();
        const { history } = await this.deps.call('project.history', { projectId });
        if (this.active === s && !s.adoptHistory(history)) this.st().notify('warning', 'The saved undo history could not be read: earlier steps cannot be undone');
        return;
      } catch (e) {
        if (attempt === 0) this.st().notify('warning', `Editing waits for the undo history: ${e instanceof Error ? e.message : String(e)}`);
        await new Promise((r) => setTimeout(r, backoffDelay(attempt)));
      }
    }
  }
}
