/** Draws the tool layer: the brush outline at the cursor and the polygon being drawn (and edited). */
import type { EditTool } from '../store/edit-slice.ts';
import type { ViewTransform } from '../viewer/view-transform.ts';

export interface ToolOverlay {
  tool: EditTool | null;
  view: ViewTransform;
  /** Video pixels per label pixel. */
  labelScale: number;
  /** Cursor in canvas pixels, null when outside. */
  cursor: { x: number; y: number } | null;
  radius: number;
  /** Polygon vertices in label pixels, and the selected one. */
  polygon: { x: number; y: number }[];
  selected: number | null;
  /** Superpixel under the cursor: its row runs (y, x0, x1 in label pixels), or null. */
  hover?: Int32Array | null;
}

/** Tints the superpixel under the cursor: what a click would fill. */
function drawHover(ctx: CanvasRenderingContext2D, runs: Int32Array, o: ToolOverlay, k: number): void {
  ctx.fillStyle = 'rgba(255,255,255,0.28)';
  for (let r = 0; r < runs.length; r += 3) {
    const x = o.view.x + runs[r + 1]! * k;
    const y = o.view.y + runs[r]! * k;
    ctx.fillRect(x, y, (runs[r + 2]! - runs[r + 1]! + 1) * k, k);
  }
}

/** The polygon being drawn: its edges, the closing edge dashed, vertex handles (the selected one larger). */
function drawPolygon(ctx: CanvasRenderingContext2D, o: ToolOverlay, k: number): void {
  const at = (p: { x: number; y: number }): [number, number] => [o.view.x + p.x * k, o.view.y + p.y * k];
  ctx.beginPath();
  o.polygon.forEach((p, i) => (i === 0 ? ctx.moveTo(...at(p)) : ctx.lineTo(...at(p))));
  if (o.cursor) ctx.lineTo(o.cursor.x, o.cursor.y);
  ctx.strokeStyle = '#ffd400';
  ctx.lineWidth = 1.5;
  ctx.stroke();
  if (o.polygon.length >= 3) {
    ctx.beginPath();
    ctx.setLineDash([5, 4]);
    ctx.moveTo(...at(o.polygon[o.polygon.length - 1]!));
    ctx.lineTo(...at(o.polygon[0]!));
    ctx.stroke();
    ctx.setLineDash([]);
  }
  o.polygon.forEach((p, i) => {
    const [x, y] = at(p);
    const r = i === o.selected ? 5 : 3.5;
    ctx.fillStyle = i === o.selected ? '#ffffff' : '#ffd400';
    ctx.fillRect(x - r, y - r, 2 * r, 2 * r);
    ctx.strokeStyle = 'rgba(0,0,0,0.85)';
    ctx.lineWidth = 1;
    ctx.strokeRect(x - r, y - r, 2 * r, 2 * r);
  });
}

export function drawToolOverlay(ctx: CanvasRenderingContext2D, o: ToolOverlay): void {
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  const k = o.view.scale * o.labelScale;
  if (o.hover) drawHover(ctx, o.hover, o, k);
  if (o.polygon.length > 0) drawPolygon(ctx, o, k);
  if (o.cursor && (o.tool === 'brush' || o.tool === 'eraser' || o.tool === 'superpixel')) {
    const r = Math.max(1, o.radius * k);
    ctx.beginPath();
    ctx.arc(o.cursor.x, o.cursor.y, r, 0, Math.PI * 2);
    ctx.lineWidth = 1;
    ctx.strokeStyle = 'rgba(0,0,0,0.8)';
    ctx.stroke();
    ctx.beginPath();
    ctx.arc(o.cursor.x, o.cursor.y, r + 1, 0, Math.PI * 2);
    ctx.strokeStyle = o.tool === 'eraser' ? 'rgba(255,120,120,0.95)' : 'rgba(255,255,255,0.95)';
    ctx.stroke();
  }
  if (o.cursor && (o.tool === 'fill' || o.tool === 'picker' || o.tool === 'polygon')) {
    ctx.strokeStyle = 'rgba(255,255,255,0.9)';
    ctx.beginPath();
    ctx.moveTo(o.cursor.x - 6, o.cursor.y);
    ctx.lineTo(o.cursor.x + 6, o.cursor.y);
    ctx.moveTo(o.cursor.x, o.cursor.y - 6);
    ctx.lineTo(o.cursor.x, o.cursor.y + 6);
    ctx.stroke();
  }
}
