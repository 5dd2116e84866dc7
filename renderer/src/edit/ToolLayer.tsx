/**
 * The tool layer: brush outline and polygon in progress, drawn above the mask; it takes pointer
 * input while a tool is active (strokes, fills, the picker, polygon vertices) and Alt+wheel
 * changes the brush size.
 */
import { useEffect, useRef, type MutableRefObject, type PointerEvent, type RefObject } from 'react';
import { useShallow } from 'zustand/shallow';
import { appStore, useApp } from '../store/index.ts';
import { stepBrush } from '../store/edit-slice.ts';
import { currentView } from '../store/view-slice.ts';
import { canvasToImage, type ViewTransform } from '../viewer/view-transform.ts';
import { editing, superpixels } from './editing.ts';
import { superpixelAt } from '../../../electron/core/superpixel/select.ts';
import { drawToolOverlay } from './tool-overlay.ts';
import { moveVertex, pressPolygon } from './polygon-edit.ts';

/** Pick radius of polygon vertices and edges, in CSS pixels. */
const PICK_PX = 7;

const dpr = () => window.devicePixelRatio || 1;

type Cursor = MutableRefObject<{ x: number; y: number } | null>;
/** The polygon vertex being dragged. */
type Dragging = MutableRefObject<number | null>;

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

/** Draws the tool overlay for the current state and cursor. */
function redraw(c: HTMLCanvasElement | null, cursor: { x: number; y: number } | null): void {
  const ctx = c?.getContext('2d');
  const s = appStore.getState();
  if (!c || !ctx) return;
  if (c.width !== s.viewport.width) c.width = s.viewport.width;
  if (c.height !== s.viewport.height) c.height = s.viewport.height;
  const labels = editing.session()?.labelsOf(s.index);
  const scale = s.video && labels ? s.video.width / labels.width : 1;
  const view = currentView(s);
  drawToolOverlay(ctx, { tool: s.tool, view, labelScale: scale, cursor, radius: s.brushRadius, polygon: s.polygon, selected: s.polygonSelected, hover: hoveredRuns(view, scale, cursor) });
}

/** A press with the polygon tool: select, drag, insert or delete a vertex, add one, or close. */
function pressPolygonAt(e: PointerEvent<HTMLCanvasElement>, p: { x: number; y: number }, dragging: Dragging): void {
  const s = appStore.getState();
  const labels = editing.session()?.labelsOf(s.index);
  const perLabelPx = s.video && labels ? (currentView(s).scale * s.video.width) / labels.width / dpr() : 1;
  const r = pressPolygon({ points: s.polygon, selected: s.polygonSelected }, p, PICK_PX / perLabelPx, e.detail, e.altKey);
  if (r.close) return editing.closePolygon(s.index);
  s.setPolygon(r.points, r.selected);
  dragging.current = r.drag;
  if (r.drag !== null) e.currentTarget.setPointerCapture(e.pointerId);
}

function pointerDown(e: PointerEvent<HTMLCanvasElement>, dragging: Dragging): void {
  const s = appStore.getState();
  const tool = s.tool;
  if (e.button !== 0 || !tool) return;
  e.stopPropagation();
  const p = labelPoint(e);
  if (!p) return;
  if (tool === 'brush' || tool === 'eraser' || (tool === 'superpixel' && !e.shiftKey)) {
    e.currentTarget.setPointerCapture(e.pointerId);
    editing.beginStroke(s.index, p);
  } else if (tool === 'superpixel') editing.fillSimilar(s.index, p);
  else if (tool === 'polygon') pressPolygonAt(e, p, dragging);
  else if (tool === 'fill') editing.fill(s.index, p.x, p.y);
  else if (tool === 'picker') editing.pick(s.index, p.x, p.y);
}

function pointerMove(e: PointerEvent<HTMLCanvasElement>, cursor: Cursor, dragging: Dragging): void {
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
  redraw(e.currentTarget, cursor.current);
}

/** Alt+wheel changes the brush size (a native listener: it runs before the viewer's zoom). */
function useAltWheelBrush(ref: RefObject<HTMLCanvasElement | null>): void {
  useEffect(() => {
    const c = ref.current;
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
  }, [ref]);
}

export function ToolLayer() {
  const toolRef = useRef<HTMLCanvasElement>(null);
  const cursor = useRef<{ x: number; y: number } | null>(null);
  const dragging = useRef<number | null>(null);
  const tool = useApp((s) => s.tool);
  const index = useApp((s) => s.index);
  const viewport = useApp(useShallow((s) => s.viewport));
  const view = useApp(useShallow((s) => currentView(s)));
  const polygon = useApp(useShallow((s) => s.polygon));
  const radius = useApp((s) => s.brushRadius);
  const selected = useApp((s) => s.polygonSelected);
  useEffect(() => redraw(toolRef.current, cursor.current), [tool, view, viewport, polygon, selected, radius, index]);
  useAltWheelBrush(toolRef);

  const onUp = (): void => {
    dragging.current = null;
    editing.endStroke();
  };
  return (
    <canvas
      ref={toolRef}
      className={`layer edit-tool${tool ? ' active' : ''}`}
      data-testid="edit-tool"
      data-tool={tool ?? ''}
      onPointerDown={(e) => pointerDown(e, dragging)}
      onPointerMove={(e) => pointerMove(e, cursor, dragging)}
      onPointerUp={onUp}
      onPointerCancel={onUp}
      onPointerLeave={() => {
        cursor.current = null;
        redraw(toolRef.current, null);
      }}
    />
  );
}
