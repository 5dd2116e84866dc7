/**
 * The interactive editing layers above the overlays: the mask of the frame being edited (labels
 * repainted and composited by dirty rectangle, plus the propagation highlight) and the tool layer
 * (brush outline, polygon in progress) that takes pointer input while a tool is active; between
 * them, the superpixel outlines while the superpixel tool is active.
 */
import { useEffect, useRef, type PointerEvent } from 'react';
import { useShallow } from 'zustand/shallow';
import { forEachDiffPixel } from '../../../electron/core/edit/index.ts';
import { appStore, useApp } from '../store/index.ts';
import { currentTrackId } from '../store/project-slice.ts';
import { editMaskShown, stepBrush } from '../store/edit-slice.ts';
import { currentView } from '../store/view-slice.ts';
import { markPainted } from '../viewer/paint-marks.ts';
import { canvasToImage, type ViewTransform } from '../viewer/view-transform.ts';
import { editing, superpixels } from './editing.ts';
import { superpixelAt } from '../../../electron/core/superpixel/select.ts';
import { classPalette } from '../../../electron/core/palette.ts';
import { PREVIEW_RGBA } from './label-paint.ts';
import { MaskCanvas } from './mask-canvas.ts';
import { drawToolOverlay } from './tool-overlay.ts';
import { moveVertex, pressPolygon } from './polygon-edit.ts';
import { SuperpixelLayer } from './SuperpixelLayer.tsx';

/** Pick radius of polygon vertices and edges, in CSS pixels. */
const PICK_PX = 7;

const dpr = () => window.devicePixelRatio || 1;

/** Pointer → label-map pixel coordinates of the current frame. */
function labelPoint(e: { clientX: number; clientY: number; currentTarget: Element }): { x: number; y: number } | null {
  const s = appStore.getState();
  const labels = editing.session()?.labelsOf(s.index);
  if (!s.video || !labels) return null;
  const r = e.currentTarget.getBoundingClientRect();
  const p = canvasToImage(currentView(s), (e.clientX - r.left) * dpr(), (e.clientY - r.top) * dpr());
  return { x: (p.x * labels.width) / s.video.width, y: (p.y * labels.height) / s.video.height };
}

/** Row runs (label pixels) of the superpixel under the cursor, while the superpixel tool is active. */
function hoveredRuns(view: ViewTransform, labelScale: number, cursor: { x: number; y: number } | null): Int32Array | null {
  const s = appStore.getState();
  const sp = s.tool === 'superpixel' && cursor ? superpixels.forFrame(s.index) : null;
  if (!sp || !cursor) return null;
  const p = canvasToImage(view, cursor.x, cursor.y);
  const k = superpixelAt(sp, p.x / labelScale, p.y / labelScale);
  return k < 0 ? null : sp.runs.subarray(sp.runStart[k]! * 3, sp.runStart[k + 1]! * 3);
}

export function EditLayer() {
  const maskRef = useRef<HTMLCanvasElement>(null);
  const toolRef = useRef<HTMLCanvasElement>(null);
  const mask = useRef(new MaskCanvas());
  const cursor = useRef<{ x: number; y: number } | null>(null);
  const tool = useApp((s) => s.tool);
  const index = useApp((s) => s.index);
  const trackId = useApp((s) => currentTrackId(s.project));
  const projectId = useApp((s) => s.project?.id ?? null);
  const viewport = useApp(useShallow((s) => s.viewport));
  const view = useApp(useShallow((s) => currentView(s)));
  const opacity = useApp((s) => s.project?.view.opacity ?? 0.5);
  const classes = useApp(useShallow((s) => s.project?.classes ?? []));
  const hidden = useApp(useShallow((s) => s.project?.view.hiddenClasses ?? []));
  const ignoreIndex = useApp((s) => s.project?.ignoreIndex ?? 255);
  const version = useApp((s) => s.labelsVersion);
  const previewHere = useApp((s) => (s.preview?.frames.some((f) => f.index === s.index) ? s.preview : null));
  const polygon = useApp(useShallow((s) => s.polygon));
  const radius = useApp((s) => s.brushRadius);
  const visible = useApp(editMaskShown);
  const drawn = useRef<{ key: string; version: number }>({ key: '', version: -1 });
  const selected = useApp((s) => s.polygonSelected);
  /** The polygon vertex being dragged. */
  const dragging = useRef<number | null>(null);

  useEffect(() => {
    if (visible && projectId && trackId) void editing.ensureLabels(index);
  }, [visible, projectId, trackId, index]);

  // Mask layer: repaint by dirty rectangle when only the labels changed, else everything.
  useEffect(() => {
    const c = maskRef.current;
    const ctx = c?.getContext('2d');
    const s = appStore.getState();
    if (!c || !ctx) return;
    if (c.width !== viewport.width) c.width = viewport.width;
    if (c.height !== viewport.height) c.height = viewport.height;
    const labels = editing.session()?.labelsOf(index);
    if (!visible || !labels || !s.video) {
      ctx.clearRect(0, 0, c.width, c.height);
      drawn.current = { key: '', version: -1 };
      return;
    }
    const key = JSON.stringify([index, trackId, view, viewport, opacity, classes, hidden, previewHere]);
    const rect = drawn.current.key === key && s.editFrame === index ? s.labelsDirty : null;
    const palette = classPalette(classes, { ignoreIndex, hidden });
    const d = previewHere ? editing.previewDiff(index) : undefined;
    const highlight = d ? (rgba: Uint8ClampedArray) => forEachDiffPixel(d, (off) => rgba.set(PREVIEW_RGBA, off * 4)) : undefined;
    if (!mask.current.update(labels, palette, rect, highlight)) return;
    mask.current.draw(ctx, view, s.video, opacity, rect);
    markPainted(`vss:mask-painted:${version}`);
    editing.drawn();
    drawn.current = { key, version };
  }, [visible, index, trackId, view, viewport, opacity, classes, hidden, ignoreIndex, version, previewHere]);

  const redrawTool = (): void => {
    const c = toolRef.current;
    const ctx = c?.getContext('2d');
    const s = appStore.getState();
    if (!c || !ctx) return;
    if (c.width !== viewport.width) c.width = viewport.width;
    if (c.height !== viewport.height) c.height = viewport.height;
    const labels = editing.session()?.labelsOf(s.index);
    const scale = s.video && labels ? s.video.width / labels.width : 1;
    const view = currentView(s);
    drawToolOverlay(ctx, { tool: s.tool, view, labelScale: scale, cursor: cursor.current, radius: s.brushRadius, polygon: s.polygon, selected: s.polygonSelected, hover: hoveredRuns(view, scale, cursor.current) });
  };
  useEffect(redrawTool, [tool, view, viewport, polygon, selected, radius, index]);

  // Alt+wheel changes the brush size (native listener: runs before the viewer's zoom).
  useEffect(() => {
    const c = toolRef.current;
    if (!c) return;
    const onWheel = (e: WheelEvent): void => {
      if (!e.altKey) return;
      e.preventDefault();
      e.stopPropagation();
      const s = appStore.getState();
      s.setBrushRadius(stepBrush(s.brushRadius, e.deltaY < 0 ? 1 : -1));
    };
    c.addEventListener('wheel', onWheel, { passive: false });
    return () => c.removeEventListener('wheel', onWheel);
  }, []);

  const onDown = (e: PointerEvent<HTMLCanvasElement>): void => {
    if (e.button !== 0 || !tool) return;
    e.stopPropagation();
    const p = labelPoint(e);
    if (!p) return;
    const s = appStore.getState();
    if (tool === 'brush' || tool === 'eraser' || (tool === 'superpixel' && !e.shiftKey)) {
      e.currentTarget.setPointerCapture(e.pointerId);
      editing.beginStroke(s.index, p);
    } else if (tool === 'superpixel') editing.fillSimilar(s.index, p);
    else if (tool === 'polygon') pressPolygonAt(e, p);
    else if (tool === 'fill') editing.fill(s.index, p.x, p.y);
    else if (tool === 'picker') editing.pick(s.index, p.x, p.y);
  };
  /** A press with the polygon tool: select, drag, insert or delete a vertex, add one, or close. */
  const pressPolygonAt = (e: PointerEvent<HTMLCanvasElement>, p: { x: number; y: number }): void => {
    const s = appStore.getState();
    const labels = editing.session()?.labelsOf(s.index);
    const perLabelPx = s.video && labels ? (currentView(s).scale * s.video.width) / labels.width / dpr() : 1;
    const r = pressPolygon({ points: s.polygon, selected: s.polygonSelected }, p, PICK_PX / perLabelPx, e.detail, e.altKey);
    if (r.close) return editing.closePolygon(s.index);
    s.setPolygon(r.points, r.selected);
    dragging.current = r.drag;
    if (r.drag !== null) e.currentTarget.setPointerCapture(e.pointerId);
  };
  const onMove = (e: PointerEvent<HTMLCanvasElement>): void => {
    const r = e.currentTarget.getBoundingClientRect();
    cursor.current = { x: (e.clientX - r.left) * dpr(), y: (e.clientY - r.top) * dpr() };
    if (dragging.current !== null) {
      const p = labelPoint(e);
      const s = appStore.getState();
      if (p) s.setPolygon(moveVertex(s.polygon, dragging.current, p));
    } else if (editing.session()?.stroking) {
      const events = e.nativeEvent.getCoalescedEvents?.() ?? [e.nativeEvent];
      for (const ev of events.length ? events : [e.nativeEvent]) {
        const p = labelPoint({ clientX: ev.clientX, clientY: ev.clientY, currentTarget: e.currentTarget });
        if (p) editing.moveStroke(appStore.getState().index, p);
      }
    }
    redrawTool();
  };
  const onUp = (): void => {
    dragging.current = null;
    editing.endStroke();
  };
  const onLeave = (): void => {
    cursor.current = null;
    redrawTool();
  };

  return (
    <>
      <canvas ref={maskRef} className="layer edit-mask" data-testid="edit-mask" data-frame={index} data-version={version} />
      <SuperpixelLayer />
      <canvas
        ref={toolRef}
        className={`layer edit-tool${tool ? ' active' : ''}`}
        data-testid="edit-tool"
        data-tool={tool ?? ''}
        onPointerDown={onDown}
        onPointerMove={onMove}
        onPointerUp={onUp}
        onPointerCancel={onUp}
        onPointerLeave={onLeave}
      />
    </>
  );
}
