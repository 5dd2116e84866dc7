/**
 * Wires an EditSession to the store and the backend: loads the project's saved undo history and
 * the labels of the frame being edited, runs tools, undo/redo, propagation preview/apply and
 * frame locks. Edits go out through `apply` (the app's outbox: in order, queued while offline),
 * each carrying its undo step, so the history is saved step by step and never uploaded whole.
 * Built with its dependencies so tests use a fresh store.
 */
import { diffBetween, type FrameDiff, type Point } from '../../../electron/core/edit/index.ts';
import type { LabelMap } from '../../../electron/core/types.ts';
import { similarRun, superpixelAt } from '../../../electron/core/superpixel/select.ts';
import type { Superpixels } from '../../../electron/core/superpixel/superpixels.ts';
import type { Req, RequestName, Res } from '../../../electron/shared/contract.ts';
import { backoffDelay } from '../client/backoff.ts';
import type { AppStore } from '../store/app-store.ts';
import { currentTrackId } from '../store/project-slice.ts';
import { EditSession, entryKind } from './edit-session.ts';
import { unionRect, type Rect } from './dirty-rect.ts';

export interface EditDeps {
  call<K extends RequestName>(name: K, req: Req<K>): Promise<Res<K>>;
  /** Labels of a frame: with its corrections, or the engine's own (`raw`). */
  fetchLabels(projectId: string, trackId: string, index: number, raw?: boolean): Promise<LabelMap>;
  /** Sends an edit.apply for the project folder `dir` (queued, in order); resolves when applied. */
  apply(dir: string, req: Req<'edit.apply'>): Promise<Res<'edit.apply'>>;
  /** Resolves when every queued edit (including a previous page's) reached the backend. */
  settled(): Promise<void>;
  /** Labels of these frames changed on the backend (other views refetch them). */
  onLabelsSaved?(projectId: string, trackId: string, frames: number[]): void;
  /** The superpixels of `frame` when computed (sized as its labels); null while they are not. */
  superpixels?(frame: number): Superpixels | null;
}

export type EditController = ReturnType<typeof createEditController>;

export function createEditController(store: AppStore, deps: EditDeps) {
  let session: EditSession | null = null;
  let sessionProject: string | null = null;
  let historyReady: Promise<void> = Promise.resolve();
  let previewDiffs: FrameDiff[] = [];
  const loading = new Map<string, Promise<void>>();
  const st = () => store.getState();
  /** Dirty rectangle accumulated since the layer last drew ('none': nothing; null: everything). */
  let pending: Rect | null | 'none' = 'none';
  const notify = (frame: number, rect: Rect | null): void => {
    if (frame !== st().editFrame) pending = null;
    else pending = rect === null || pending === null ? null : pending === 'none' ? rect : unionRect(pending, rect);
    st().labelsChanged(frame, pending);
  };

  const syncHistory = (): void => {
    const h = session?.history;
    const undo = h?.peekUndo();
    const labels = h?.undoLabels ?? [];
    st().setHistoryState({ canUndo: h?.canUndo ?? false, canRedo: h?.canRedo ?? false, undoLabel: undo ? entryKind(undo.label) : (labels.length ? 'edit' : null), redoLabel: h?.canRedo ? 'edit' : null });
  };

  /** Loads the saved history into a new session once queued edits are in (retried while offline). */
  async function loadHistory(s: EditSession, projectId: string): Promise<void> {
    for (let attempt = 0; session === s; attempt++) {
      try {
        await deps.settled();
        const { history } = await deps.call('project.history', { projectId });
        if (session === s && !s.adoptHistory(history)) st().notify('warning', 'The saved undo history could not be read: earlier steps cannot be undone');
        return;
      } catch (e) {
        if (attempt === 0) st().notify('warning', `Editing waits for the undo history: ${e instanceof Error ? e.message : String(e)}`);
        await new Promise((r) => setTimeout(r, backoffDelay(attempt)));
      }
    }
  }

  /** The session of the open project and its current track (made or reset when they change). */
  function current(): EditSession | null {
    const p = st().project;
    if (!p) {
      session = null;
      sessionProject = null;
      return null;
    }
    if (!session || sessionProject !== p.id) {
      const projectId = p.id;
      const dir = p.dir;
      sessionProject = projectId;
      session = new EditSession(
        p.ignoreIndex,
        { apply: async (trackId, frames, step) => (await deps.apply(dir, { projectId, trackId, frames, ...(step ? { step: { ...step, op: '' } } : {}) })).corrections },
        {
          onCorrections: (trackId, indices, frames) => {
            deps.onLabelsSaved?.(projectId, trackId, frames);
            if (st().project?.id === projectId) st().setCorrections(trackId, indices);
          },
          onHistory: syncHistory,
          onError: (m) => st().notify('error', m),
        },
      );
      syncHistory();
      historyReady = loadHistory(session, projectId);
    }
    session.setTrack(currentTrackId(p));
    return session;
  }

  /** Fetches the labels of `frame` for editing (once per frame and track). */
  function ensureLabels(frame: number): Promise<void> {
    const s = current();
    const p = st().project;
    const trackId = s?.trackId;
    if (!s || !p || !trackId) return Promise.resolve();
    if (s.labelsOf(frame)) {
      if (st().editFrame !== frame) notify(frame, null);
      return Promise.resolve();
    }
    const key = `${p.id}/${trackId}/${frame}`;
    const pending = loading.get(key);
    if (pending) return pending;
    const job = s
      .idle() // edits still on their way must land before the labels are read back
      .then(deps.settled)
      .then(() => deps.fetchLabels(p.id, trackId, frame))
      .then((l) => {
        if (current() === s && s.trackId === trackId && !s.labelsOf(frame)) s.setLabels(frame, l);
        if (st().index === frame) notify(frame, null);
      })
      .catch((e: unknown) => st().notify('error', `Cannot load the labels of frame ${frame}: ${e instanceof Error ? e.message : String(e)}`))
      .finally(() => loading.delete(key));
    loading.set(key, job);
    return job;
  }

  /** Everything corrected on `frame`: its current labels against the engine's. */
  async function frameCorrections(s: EditSession, projectId: string, trackId: string, frame: number): Promise<FrameDiff | undefined> {
    await ensureLabels(frame);
    const now = s.labelsOf(frame);
    if (!now) return undefined;
    return diffBetween(await deps.fetchLabels(projectId, trackId, frame, true), now, frame);
  }

  /** Runs an undo or redo on the session now, or once its saved history is loaded. */
  function whenReady(step: (s: EditSession) => number[]): void {
    const s = current();
    if (!s) return;
    const run = (): void => {
      if (session !== s) return;
      if (step(s).includes(st().index)) notify(st().index, null);
    };
    if (s.ready) run();
    else void historyReady.then(run);
  }

  const changed = (frame: number, rect: Rect | null): void => {
    if (rect) notify(frame, rect);
  };

  /** The frame's superpixels, or null with a note while the worker still computes them. */
  function readySuperpixels(frame: number): Superpixels | null {
    const sp = deps.superpixels?.(frame) ?? null;
    if (!sp) st().notify('info', 'The superpixels of this frame are still being computed');
    return sp;
  }

  return {
    /** The labels read so far are stale (a track's class map changed): the next use starts a fresh session. */
    reload(): void {
      session = null;
      sessionProject = null;
      loading.clear();
    },
    session: current,
    ensureLabels,
    /** The layer drew everything notified so far. */
    drawn(): void {
      pending = 'none';
    },
    /** Resolves when the history is loaded and every edit so far was answered. */
    async idle(): Promise<void> {
      current();
      await historyReady;
      await session?.idle();
      await deps.settled();
    },
    /** Pointer down with the brush, the eraser or the superpixel tool (a click paints the superpixel under it). */
    beginStroke(frame: number, at: Point): void {
      const s = current();
      const { tool, brushRadius, classId, project } = st();
      if (!s || !project) return;
      if (tool === 'superpixel') {
        const sp = readySuperpixels(frame);
        if (sp) changed(frame, s.beginStroke(frame, at, brushRadius, { classId, superpixels: sp }));
      } else if (tool === 'brush' || tool === 'eraser') changed(frame, s.beginStroke(frame, at, brushRadius, { classId: tool === 'eraser' ? null : classId }));
    },
    /** Shift-click with the superpixel tool: fills the clicked superpixel and its similar connected neighbours (one step). */
    fillSimilar(frame: number, at: Point): void {
      const s = current();
      const sp = readySuperpixels(frame);
      if (!s || !sp) return;
      const ids = similarRun(sp, superpixelAt(sp, at.x, at.y));
      if (ids.length) changed(frame, s.run({ kind: 'superpixel', frame, superpixels: sp, ids, classId: st().classId }));
    },
    moveStroke(frame: number, to: Point): void {
      changed(frame, current()?.moveStroke(to) ?? null);
    },
    endStroke(): void {
      current()?.endStroke();
    },
    cancelStroke(frame: number): void {
      changed(frame, current()?.cancelStroke() ?? null);
    },
    closePolygon(frame: number): void {
      const pts = st().polygon;
      st().setPolygon([]);
      if (pts.length < 3) return;
      changed(frame, current()?.run({ kind: 'polygon', frame, points: pts, classId: st().classId }) ?? null);
    },
    fill(frame: number, x: number, y: number): void {
      changed(frame, current()?.run({ kind: 'floodFill', frame, x: Math.floor(x), y: Math.floor(y), classId: st().classId }) ?? null);
    },
    /** Eyedropper: the class under (x, y) becomes the current class. */
    pick(frame: number, x: number, y: number): void {
      const l = current()?.labelsOf(frame);
      const xi = Math.floor(x);
      const yi = Math.floor(y);
      if (!l || xi < 0 || yi < 0 || xi >= l.width || yi >= l.height) return;
      st().setClassId(l.data[yi * l.width + xi]!);
    },
    /** Undo; pressed while the saved history is still loading, it runs once it is loaded. */
    undo(): void {
      whenReady((s) => s.undo());
    },
    redo(): void {
      whenReady((s) => s.redo());
    },
    /**
     * Asks the backend to carry a correction of `frame` along the flow: all of the frame's
     * corrections (its labels against the engine's), or only the last edit step.
     */
    async previewPropagation(frame: number): Promise<boolean> {
      const s = current();
      const p = st().project;
      if (!s || !p || !s.trackId) return false;
      const trackId = s.trackId;
      const { forward, backward, scope } = st().propagate;
      st().setPreviewBusy(true);
      try {
        const correction = scope === 'all' ? await frameCorrections(s, p.id, trackId, frame) : s.lastCorrection(frame);
        if (!correction || correction.oldValues.length === 0) {
          st().notify('warning', scope === 'all' ? `Nothing to propagate: frame ${frame} has no corrections` : 'Nothing to propagate: the last edit step is not on this frame');
          return false;
        }
        const { frames } = await deps.call('edit.propagatePreview', { projectId: p.id, trackId, index: frame, diff: correction, forward, backward });
        previewDiffs = frames.map((f) => ({ ...f.diff, frame: f.index }));
        st().setPreview({ source: frame, trackId, frames: frames.map((f) => ({ index: f.index, changed: f.changed })) });
        if (frames.length === 0) st().notify('info', 'Propagation reached no pixels (occluded or out of frame)');
        return true;
      } catch (e) {
        st().notify('error', `Propagation failed: ${e instanceof Error ? e.message : String(e)}`);
        return false;
      } finally {
        st().setPreviewBusy(false);
      }
    },
    /** Proposed diff of one frame of the preview (for the highlight). */
    previewDiff(frame: number): FrameDiff | undefined {
      return previewDiffs.find((d) => d.frame === frame);
    },
    applyPreview(): void {
      const s = current();
      const pv = st().preview;
      if (!s || !pv || s.trackId !== pv.trackId) return;
      s.applyPropagation(previewDiffs);
      if (previewDiffs.some((d) => d.frame === st().index)) notify(st().index, null);
      previewDiffs = [];
      st().setPreview(null);
    },
    discardPreview(): void {
      previewDiffs = [];
      st().setPreview(null);
    },
    async toggleLock(frame: number): Promise<void> {
      const p = st().project;
      const trackId = currentTrackId(p);
      if (!p || !trackId) return;
      const locked = !(p.locked[trackId] ?? []).includes(frame);
      st().setFrameLocked(trackId, frame, locked);
      try {
        await deps.call('frame.lock', { projectId: p.id, trackId, index: frame, locked });
      } catch (e) {
        st().setFrameLocked(trackId, frame, !locked);
        st().notify('error', e instanceof Error ? e.message : String(e));
      }
    },
  };
}
