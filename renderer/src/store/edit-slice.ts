/**
 * Editing UI state: the tool, class, brush size, undo/redo availability, the polygon being drawn
 * and the propagation preview. Label maps and the diff history live in the EditSession
 * (renderer/src/edit/edit-session.ts), never in the store.
 */
import type { StateCreator } from 'zustand';
import type { AppState } from './app-store.ts';

export type EditTool = 'brush' | 'eraser' | 'polygon' | 'fill' | 'picker';
export type PropagateScope = 'all' | 'last';
export const BRUSH_MIN = 1;
export const BRUSH_MAX = 200;

export interface PropagationPreview {
  /** Frame whose correction is propagated. */
  source: number;
  trackId: string;
  frames: { index: number; changed: number }[];
}

export interface EditRect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface EditSlice {
  /** null: no tool (dragging pans the view). */
  tool: EditTool | null;
  classId: number;
  /** Brush radius in image pixels. */
  brushRadius: number;
  canUndo: boolean;
  canRedo: boolean;
  undoLabel: string | null;
  redoLabel: string | null;
  /** Bumped when local labels change; with the dirty rectangle of the change (null = all). */
  labelsVersion: number;
  labelsDirty: EditRect | null;
  /** Frame whose labels are loaded for editing (-1 = none yet). */
  editFrame: number;
  polygon: { x: number; y: number }[];
  /** Frames to reach each way, and what to carry: all of the frame's corrections or the last step. */
  propagate: { forward: number; backward: number; scope: PropagateScope };
  preview: PropagationPreview | null;
  previewBusy: boolean;
  setTool(tool: EditTool | null): void;
  setClassId(classId: number): void;
  setBrushRadius(r: number): void;
  setHistoryState(h: Pick<EditSlice, 'canUndo' | 'canRedo' | 'undoLabel' | 'redoLabel'>): void;
  labelsChanged(frame: number, rect: EditRect | null): void;
  setPolygon(points: { x: number; y: number }[]): void;
  setPropagate(p: Partial<EditSlice['propagate']>): void;
  setPreview(p: PropagationPreview | null): void;
  setPreviewBusy(busy: boolean): void;
}

/** Brush radius after one step of -/= or Alt+wheel (about 15% per step, at least 1 px). */
export function stepBrush(r: number, delta: number): number {
  return delta > 0 ? Math.max(r + 1, Math.round(r * 1.15)) : Math.min(r - 1, Math.round(r / 1.15));
}

/**
 * Whether the edit layer shows the mask of the shown frame (a tool is active, or the frame has a
 * propagation preview). The overlay mask then stays hidden, so the mask is drawn once.
 */
export function editMaskShown(s: Pick<EditSlice, 'tool' | 'preview'> & { index: number }): boolean {
  return s.tool !== null || (s.preview?.frames.some((f) => f.index === s.index) ?? false);
}

export const createEditSlice: StateCreator<AppState, [], [], EditSlice> = (set, get) => ({
  tool: null,
  classId: 0,
  brushRadius: 8,
  canUndo: false,
  canRedo: false,
  undoLabel: null,
  redoLabel: null,
  labelsVersion: 0,
  labelsDirty: null,
  editFrame: -1,
  polygon: [],
  propagate: { forward: 5, backward: 0, scope: 'all' },
  preview: null,
  previewBusy: false,
  setTool: (tool) => set({ tool, polygon: [] }),
  setClassId: (classId) => set({ classId: Math.max(0, Math.min(255, Math.round(classId))) }),
  setBrushRadius: (r) => set({ brushRadius: Math.max(BRUSH_MIN, Math.min(BRUSH_MAX, Math.round(r))) }),
  setHistoryState: (h) => set(h),
  labelsChanged: (editFrame, labelsDirty) => set({ editFrame, labelsDirty, labelsVersion: get().labelsVersion + 1 }),
  setPolygon: (polygon) => set({ polygon }),
  setPropagate: (p) => set({ propagate: { ...get().propagate, ...p } }),
  setPreview: (preview) => set({ preview }),
  setPreviewBusy: (previewBusy) => set({ previewBusy }),
});
