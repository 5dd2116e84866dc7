import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyDiff, DiffBuilder, EditHistory } from '../../../electron/core/edit/index.ts';
import type { LabelMap } from '../../../electron/core/types.ts';
import type { ProjectState, Req, RequestName, Res } from '../../../electron/shared/contract.ts';
import { createAppStore } from '../store/app-store.ts';
import { createEditController, type EditDeps } from './edit-controller.ts';
import { computeSuperpixels, type Superpixels } from '../../../electron/core/superpixel/superpixels.ts';
import { image } from '../../../electron/core/superpixel/test-images.ts';
import { memoryOutboxStore, Outbox } from '../client/outbox.ts';

const W = 16;
const H = 8;
const engineLabels = (): LabelMap => ({ width: W, height: H, data: new Uint8Array(W * H).fill(3) });

function project(): ProjectState {
  return {
    id: 'p1', dir: '/p', name: 'p', video: null, videoPath: '/v.mp4', videoMissing: false, frameRate: null,
    classes: [], ignoreIndex: 255,
    tracks: [{ id: 't1', name: 'T1', kind: 'engine', mode: 'dff', status: 'done', framesDone: 4, keyFrames: [], tc: [], tcMean: null, settings: {}, createdAt: '', modelClasses: null, classMap: {} }],
    view: { overlays: { mask: true, flow: false, flowArrows: false, diff: false, flicker: false, confidence: false }, opacity: 0.5, hiddenClasses: [], zoom: 1, panX: 0, panY: 0, trackId: 't1', compareTrackId: null, compareMode: 'off' },
    playhead: 0, corrections: {}, locked: {},
  };
}

/** A fake backend holding the corrected labels of every frame and the undo history, as edit.apply would. */
function fakeBackend() {
  const frames = new Map<number, LabelMap>();
  const label = (i: number) => frames.get(i) ?? (frames.set(i, engineLabels()), frames.get(i)!);
  const calls: { name: RequestName; req: unknown }[] = [];
  const history = new EditHistory();
  const call = async <K extends RequestName>(name: K, req: Req<K>): Promise<Res<K>> => {
    calls.push({ name, req });
    if (name === 'edit.apply') {
      const r = req as Req<'edit.apply'>;
      const diffs = r.frames.map((f) => f.diff);
      for (const d of diffs) applyDiff(label(d.frame), d);
      if (r.step?.action === 'do') history.pushEntry(r.step.label ?? 'edit', diffs, r.step.at ?? 0);
      else if (r.step) history[r.step.action]();
      const corrected = [...frames.entries()].filter(([, l]) => l.data.some((v) => v !== 3)).map(([i]) => i);
      return { corrections: corrected.sort((a, b) => a - b) } as Res<K>;
    }
    if (name === 'project.history') return { history: history.steps() } as Res<K>;
    if (name === 'edit.propagatePreview') {
      const r = req as Req<'edit.propagatePreview'>;
      const src = r.diff;
      // shift the correction by one pixel per frame to the right
      const out = [1, 2].map((k) => {
        const b = new DiffBuilder(label(r.index + k), r.index + k);
        for (let r2 = 0; r2 < src.newValues.length; r2++) for (let i = 0; i < src.runs[2 * r2 + 1]!; i++) b.set(src.runs[2 * r2]! + i + k, src.newValues[r2]!);
        const d = b.finish();
        return { index: d.frame, diff: d, changed: d.oldValues.length };
      });
      return { frames: out } as Res<K>;
    }
    return { ok: true } as Res<K>;
  };
  return { frames, label, calls, call, history };
}

async function setup(backend = fakeBackend(), superpixels?: EditDeps['superpixels']) {
  const store = createAppStore();
  store.getState().setProject(project());
  const outbox = new Outbox({ send: (req) => backend.call('edit.apply', req), open: async () => 'p1', transient: () => false, store: memoryOutboxStore(), onState: () => undefined });
  const edit = createEditController(store, {
    call: backend.call,
    fetchLabels: async (_p, _t, i, raw) => (raw ? engineLabels() : { ...backend.label(i), data: backend.label(i).data.slice() }),
    apply: (dir, req) => outbox.enqueue(dir, req),
    settled: () => outbox.idle(),
    ...(superpixels ? { superpixels } : {}),
  });
  await outbox.start();
  await edit.idle(); // the saved history is loaded
  await edit.ensureLabels(0);
  await edit.ensureLabels(0);
  return { store, edit, backend };
}

test('a whole brush drag is one undo step and one edit.apply; undo and redo send inverse and forward diffs', async () => {
  const { store, edit, backend } = await setup();
  store.getState().setTool('brush');
  store.getState().setClassId(7);
  store.getState().setBrushRadius(1);
  edit.drawn(); // the layer painted the fetched labels
  edit.beginStroke(0, { x: 2.5, y: 2.5 });
  edit.moveStroke(0, { x: 6.5, y: 2.5 });
  edit.moveStroke(0, { x: 10.5, y: 2.5 });
  // not drawn in between: the dirty rectangle covers the whole drag so far, not just the last segment
  const dirty = store.getState().labelsDirty!;
  assert.ok(dirty.x0 <= 2 && dirty.x1 >= 11 && dirty.y0 <= 2 && dirty.y1 >= 3, JSON.stringify(dirty));
  edit.endStroke();
  await edit.idle();
  assert.equal(backend.calls.filter((c) => c.name === 'edit.apply').length, 1);
  assert.equal(backend.label(0).data[2 * W + 6], 7);
  assert.deepEqual(store.getState().project?.corrections.t1, [0]);
  assert.equal(edit.session()!.history.undoLabels.length, 1);
  assert.equal(store.getState().canUndo, true);
  edit.undo();
  await edit.idle();
  assert.equal(backend.label(0).data[2 * W + 6], 3);
  assert.equal(edit.session()!.labelsOf(0)!.data[2 * W + 6], 3, 'local labels reverted too');
  assert.deepEqual(store.getState().project?.corrections.t1, []);
  assert.equal(store.getState().canRedo, true);
  edit.redo();
  await edit.idle();
  assert.equal(backend.label(0).data[2 * W + 6], 7);
});

test('eraser writes void; flood fill, polygon and eyedropper use the class', async () => {
  const { store, edit, backend } = await setup();
  store.getState().setTool('eraser');
  store.getState().setBrushRadius(1);
  edit.beginStroke(0, { x: 1.5, y: 1.5 });
  edit.endStroke();
  store.getState().setClassId(5);
  edit.fill(0, 12, 6);
  store.getState().setPolygon([{ x: 0, y: 0 }, { x: 4, y: 0 }, { x: 4, y: 4 }]);
  edit.closePolygon(0);
  await edit.idle();
  assert.equal(backend.label(0).data[1 * W + 1], 5, 'polygon over the erased pixel');
  assert.equal(backend.label(0).data[7 * W + 15], 5);
  store.getState().setClassId(0);
  edit.pick(0, 15, 7);
  assert.equal(store.getState().classId, 5);
  assert.equal(edit.session()!.history.undoLabels.length, 3);
});

test('propagation apply is one undo step over every frame; the history survives a reopen', async () => {
  const { store, edit, backend } = await setup();
  store.getState().setTool('brush');
  store.getState().setClassId(9);
  store.getState().setBrushRadius(1);
  edit.beginStroke(0, { x: 3.5, y: 3.5 });
  edit.endStroke();
  assert.equal(await edit.previewPropagation(0), true);
  assert.deepEqual(store.getState().preview?.frames.map((f) => f.index), [1, 2]);
  assert.ok(edit.previewDiff(1));
  edit.applyPreview();
  await edit.idle();
  assert.equal(store.getState().preview, null);
  assert.deepEqual(store.getState().project?.corrections.t1, [0, 1, 2]);
  assert.equal(edit.session()!.history.undoLabels.length, 2);
  assert.equal(backend.history.undoLabels.length, 2, 'each step was saved as it was made');
  assert.ok(!backend.calls.some((c) => JSON.stringify(c.req).includes('"undo":[')), 'no request carries the whole history');
  // reopen: a new store and controller load the saved history and undo against the backend labels
  const again = await setup(backend);
  again.edit.undo();
  await again.edit.idle();
  assert.deepEqual(again.store.getState().project?.corrections.t1, [0]);
  again.edit.undo();
  await again.edit.idle();
  assert.deepEqual(again.store.getState().project?.corrections.t1, []);
  assert.equal(again.store.getState().canUndo, false);
});

test('propagation carries all of the frame\'s corrections by default, or only the last edit step', async () => {
  const { store, edit, backend } = await setup();
  store.getState().setTool('brush');
  store.getState().setClassId(9);
  store.getState().setBrushRadius(1);
  for (const x of [2.5, 10.5]) {
    edit.beginStroke(0, { x, y: 3.5 });
    edit.endStroke();
  }
  await edit.idle();
  const sent = () => {
    const c = backend.calls.filter((k) => k.name === 'edit.propagatePreview').pop()!.req as Req<'edit.propagatePreview'>;
    const d = c.diff;
    const xs = new Set<number>();
    for (let r = 0; r < d.newValues.length; r++) for (let i = 0; i < d.runs[2 * r + 1]!; i++) xs.add((d.runs[2 * r]! + i) % W);
    return [Math.min(...xs), Math.max(...xs)];
  };
  assert.equal(store.getState().propagate.scope, 'all');
  assert.equal(await edit.previewPropagation(0), true);
  assert.deepEqual(sent(), [1, 11], 'both strokes (radius 1 about x 2.5 and 10.5)');
  edit.discardPreview();
  store.getState().setPropagate({ scope: 'last' });
  assert.equal(await edit.previewPropagation(0), true);
  assert.deepEqual(sent(), [9, 11], 'the last stroke only');
  edit.discardPreview();
  // a frame without corrections has nothing to carry
  store.getState().setPropagate({ scope: 'all' });
  await edit.ensureLabels(1);
  assert.equal(await edit.previewPropagation(1), false);
  assert.match(store.getState().status?.text ?? '', /no corrections/);
});

test('an undo pressed while the saved history is still loading runs once it is loaded', async () => {
  const { store, edit, backend } = await setup();
  store.getState().setTool('brush');
  store.getState().setClassId(7);
  store.getState().setBrushRadius(1);
  edit.beginStroke(0, { x: 2.5, y: 2.5 });
  edit.endStroke();
  await edit.idle();
  // a new page: the controller starts loading the history; undo comes before it arrives
  const store2 = createAppStore();
  store2.getState().setProject(project());
  const outbox = new Outbox({ send: (req) => backend.call('edit.apply', req), open: async () => 'p1', transient: () => false, store: memoryOutboxStore(), onState: () => undefined });
  const again = createEditController(store2, { call: backend.call, fetchLabels: async (_p, _t, i) => ({ ...backend.label(i), data: backend.label(i).data.slice() }), apply: (dir, req) => outbox.enqueue(dir, req), settled: () => outbox.idle() });
  await outbox.start();
  again.undo();
  await again.idle();
  assert.equal(backend.label(0).data[2 * W + 2], 3, 'the stroke was undone');
});

test('superpixel tool: waits for the superpixels; a click and drag paint whole superpixels as one step; Shift+click fills the similar run', async () => {
  // left half gray, right half red: superpixels of 4 px never cross the middle
  const img = image(W, H, (x) => (x < 8 ? [120, 120, 120] : [200, 30, 40]));
  const sp = computeSuperpixels(img.data, W, H, { size: 4 });
  let ready: Superpixels | null = null;
  const { store, edit, backend } = await setup(fakeBackend(), () => ready);
  store.getState().setTool('superpixel');
  store.getState().setClassId(7);
  store.getState().setBrushRadius(1);
  edit.beginStroke(0, { x: 1.5, y: 1.5 });
  assert.equal(store.getState().status?.text, 'The superpixels of this frame are still being computed');
  assert.equal(edit.session()!.stroking, false);
  ready = sp;
  const at = (x: number, y: number) => sp.labels[y * W + x]!;
  edit.beginStroke(0, { x: 1.5, y: 1.5 });
  const afterClick = edit.session()!.labelsOf(0)!.data.slice();
  assert.deepEqual([...afterClick].map((v, i) => v === 7), [...sp.labels].map((k) => k === at(1, 1)), 'the click painted exactly its superpixel');
  edit.moveStroke(0, { x: 5.5, y: 1.5 });
  edit.endStroke();
  await edit.idle();
  assert.equal(backend.calls.filter((c) => c.name === 'edit.apply').length, 1, 'click and drag: one edit');
  assert.equal(backend.label(0).data[1 * W + 5], 7);
  const painted = new Set([...sp.labels].filter((_, i) => backend.label(0).data[i] === 7));
  assert.ok(painted.size > 1, 'the drag reached more superpixels');
  sp.labels.forEach((k, i) => assert.equal(backend.label(0).data[i] === 7, painted.has(k), `pixel ${i}: whole superpixels only`));
  assert.deepEqual(edit.session()!.history.undoLabels, ['superpixel@t1']);
  store.getState().setClassId(5);
  edit.fillSimilar(0, { x: 1.5, y: 6.5 });
  await edit.idle();
  const l = backend.label(0).data;
  for (let i = 0; i < l.length; i++) assert.equal(l[i], i % W < 8 ? 5 : 3, `pixel ${i}: the gray half is one similar run, the red half untouched`);
});
