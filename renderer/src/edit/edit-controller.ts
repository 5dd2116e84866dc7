/**
 * Wires an EditSession to the store and the backend: loads the project's saved undo history and
 * the labels of the frame being edited (edit-core.ts), runs tools and undo/redo (below),
 * propagation preview/apply and frame locks (edit-propagation.ts). Edits go out through `apply`
 * (the app's outbox: in order, queued while offline), each carrying its undo step, so the history
 * is saved step by step and never uploaded whole. Built with its dependencies so tests use a
 * fresh store.
 */
import type { Point } from '../../../electron/core/edit/index.ts';
import type { LabelMap } from '../../../electron/core/types.ts';
import { similarRun, superpixelAt } from '../../../electron/core/superpixel/select.ts';
import type { Superpixels } from '../../../electron/core/superpixel/superpixels.ts';
import type { Req, RequestName, Res } from '../../../electron/shared/contract.ts';
import type { AppStore } from '../store/app-store.ts';
import { EditCore } from './edit-core.ts';
import { propagationCommands } from './edit-propagation.ts';

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

/** The tools and undo/redo over the core's session. */
function toolCommands(core: EditCore) {
  return {
    /** Pointer down with the brush, the eraser or the superpixel tool (a click paints the superpixel under it). */
    beginStroke(frame: number, at: Point): void {
      const s = core.current();
      const { tool, brushRadius, classId, project } = core.st();
      if (!s || !project) return;
      if (tool === 'superpixel') {
        const sp = core.readySuperpixels(frame);
        if (sp) core.changed(frame, s.beginStroke(frame, at, brushRadius, { classId, superpixels: sp }));
      } else if (tool === 'brush' || tool === 'eraser') core.changed(frame, s.beginStroke(frame, at, brushRadius, { classId: tool === 'eraser' ? null : classId }));
    },
    /** Shift-click with the superpixel tool: fills the clicked superpixel and its similar connected neighbours (one step). */
    fillSimilar(frame: number, at: Point): void {
      const s = core.current();
      const sp = core.readySuperpixels(frame);
      if (!s || !sp) return;
      const ids = similarRun(sp, superpixelAt(sp, at.x, at.y));
      if (ids.length) core.changed(frame, s.run({ kind: 'superpixel', frame, superpixels: sp, ids, classId: core.st().classId }));
    },
    moveStroke(frame: number, to: Point): void {
      core.changed(frame, core.current()?.moveStroke(to) ?? null);
    },
    endStroke(): void {
      core.current()?.endStroke();
    },
    cancelStroke(frame: number): void {
      core.changed(frame, core.current()?.cancelStroke() ?? null);
    },
    closePolygon(frame: number): void {
      const pts = core.st().polygon;
      core.st().setPolygon([]);
      if (pts.length < 3) return;
      core.changed(frame, core.current()?.run({ kind: 'polygon', frame, points: pts, classId: core.st().classId }) ?? null);
    },
    fill(frame: number, x: number, y: number): void {
      core.changed(frame, core.current()?.run({ kind: 'floodFill', frame, x: Math.floor(x), y: Math.floor(y), classId: core.st().classId }) ?? null);
    },
    /** Eyedropper: the class under (x, y) becomes the current class. */
    pick(frame: number, x: number, y: number): void {
      const l = core.current()?.labelsOf(frame);
      const xi = Math.floor(x);
      const yi = Math.floor(y);
      if (!l || xi < 0 || yi < 0 || xi >= l.width || yi >= l.height) return;
      core.st().setClassId(l.data[yi * l.width + xi]!);
    },
    /** Undo; pressed while the saved history is still loading, it runs once it is loaded. */
    undo(): void {
      core.whenReady((s) => s.undo());
    },
    redo(): void {
      core.whenReady((s) => s.redo());
    },
  };
}

export function createEditController(store: AppStore, deps: EditDeps) {
  const core = new EditCore(store, deps);
  return {
    /** The labels read so far are stale (a track's class map changed): the next use starts a fresh session. */
    reload: (): void => core.reload(),
    session: () => core.current(),
    ensureLabels: (frame: number): Promise<void> => core.ensureLabels(frame),
    /** The layer drew everything notified so far. */
    drawn: (): void => core.drawn(),
    /** Resolves when the history is loaded and every edit so far was answered. */
    idle: (): Promise<void> => core.idle(),
    ...toolCommands(core),
    ...propagationCommands(core),
  };
}
