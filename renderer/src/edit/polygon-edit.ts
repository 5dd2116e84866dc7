/**
 * Editing the polygon before its fill is committed (pure): what a pointer press does to the
 * vertices. On a vertex: select it and drag it (Alt: delete it). On an edge, the closing edge
 * included: insert a vertex there and drag it. Elsewhere: add a vertex at the end. A
 * double-click closes the polygon. Points are in label pixels; `tol` is the pick radius in them.
 */

export interface Pt {
  x: number;
  y: number;
}

export interface PolygonState {
  points: Pt[];
  selected: number | null;
}

export type PolygonPress = PolygonState & {
  /** Vertex that follows the pointer until it is released. */
  drag: number | null;
  /** The press asks to commit the fill (double-click). */
  close: boolean;
};

/** The nearest vertex within `tol` of p, or -1. */
export function vertexAt(points: readonly Pt[], p: Pt, tol: number): number {
  let best = -1;
  let bestD = tol * tol;
  points.forEach((v, i) => {
    const d = (v.x - p.x) ** 2 + (v.y - p.y) ** 2;
    if (d <= bestD) [best, bestD] = [i, d];
  });
  return best;
}

/** The nearest edge within `tol` of p: the index a vertex inserted on it takes, and the point on the edge. */
export function edgeAt(points: readonly Pt[], p: Pt, tol: number): { index: number; point: Pt } | null {
  const n = points.length;
  let best: { index: number; point: Pt } | null = null;
  let bestD = tol * tol;
  const edges = n >= 3 ? n : n - 1;
  for (let i = 0; i < edges; i++) {
    const a = points[i]!;
    const b = points[(i + 1) % n]!;
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const l2 = dx * dx + dy * dy;
    const t = l2 > 0 ? Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / l2)) : 0;
    const q = { x: a.x + t * dx, y: a.y + t * dy };
    const d = (q.x - p.x) ** 2 + (q.y - p.y) ** 2;
    if (d <= bestD) [best, bestD] = [{ index: i + 1, point: q }, d];
  }
  return best;
}

export const insertVertex = (points: readonly Pt[], index: number, p: Pt): Pt[] => [...points.slice(0, index), p, ...points.slice(index)];
export const moveVertex = (points: readonly Pt[], index: number, p: Pt): Pt[] => points.map((v, i) => (i === index ? p : v));
export const deleteVertex = (points: readonly Pt[], index: number): Pt[] => points.filter((_, i) => i !== index);

/** What a left press at p does (clicks: the pointer's click count; alt: the Alt key held). */
export function pressPolygon(s: PolygonState, p: Pt, tol: number, clicks: number, alt: boolean): PolygonPress {
  if (clicks >= 2) return { ...s, drag: null, close: true };
  const v = vertexAt(s.points, p, tol);
  if (v >= 0 && alt) return { points: deleteVertex(s.points, v), selected: null, drag: null, close: false };
  if (v >= 0) return { points: s.points, selected: v, drag: v, close: false };
  if (alt) return { ...s, drag: null, close: false };
  const e = edgeAt(s.points, p, tol);
  const at = e ? e.index : s.points.length;
  return { points: insertVertex(s.points, at, e ? e.point : p), selected: at, drag: at, close: false };
}
