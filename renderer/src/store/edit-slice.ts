/**
 * Editing UI state: the tool, class, brush size, undo/redo availability, the polygon being drawn
 * and the propagation preview. Label maps and the diff history live in the EditSession
 * (renderer/src/edit/edit-session.ts), never in the store.
 */
import type { StateCreator } from 'zustand';
import type { AppState } from './app-store.ts';

export type EditTool = 'brush' | 'eraser' | 'polygon' | 'fill' | 'picker' | 'superpixel';
export type PropagateScope = 'all' | 'last';
export const BRUSH_MIN = 1;
export const BRUSH_MAX = 200;
/** Superpixel side in label pixels (the size slider's range). */
export const SUPERPIXEL_MIN = 6;
export const SUPERPIXEL_MAX = 64;

/** The superpixels of the shown frame: being computed (in the worker), ready, or failed. */
export interface SuperpixelStatus {
  frame: number;
  size: number;
  state: 'computing' | 'ready' | 'error';
  /** Ready: how many, and the worker's time in ms. Error: the one-line message. */
  count?: number;
  ms?: number;
  message?: string;
}

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
  /** Index of the selected polygon vertex (Delete removes it), or null. */
  polygonSelected: number | null;
  superpixelSize: number;
  superpixelStatus: SuperpixelStatus | null;
  /** Frames to reach each way, and what to carry: all of the frame's corrections or the last step. */
  propagate: { forward: number; backward: number; scope: PropagateScope };
  preview: PropagationPreview | null;
  previewBusy: boolean;
  setTool(tool: EditTool | null): void;
  setClassId(classId: number): void;
  setBrushRadius(r: number): void;
  setHistoryState(h: Pick<EditSlice, 'canUndo' | 'canRedo' | 'undoLabel' | 'redoLabel'>): void;
  labelsChanged(frame: number, rect: EditRect | null): void;
  /** Sets the polygon being drawn and its selected vertex (kept when still valid unless given). */
  setPolygon(points: { x: number; y: number }[], selected?: number | null): void;
  setSuperpixelSize(size: number): void;
  setSuperpixelStatus(s: SuperpixelStatus | null): void;
  setPropagate(p: Partial<EditSlice['propagate']>): void;
  setPreview(p: PropagationPreview | null): void;
  setPreviewBusy(busy: boolean): void;
}

/** Superpixel size after one step of , / . (about 20% per step, at least 1 px). */
export function stepSuperpixel(size: number, delta: number): number {
  return delta > 0 ? Math.max(size + 1, Math.round(size * 1.2)) : Math.min(size - 1, Math.round(size / 1.2));
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
  polygonSelected: null,
  superpixelSize: 16,
  superpixelStatus: null,
  propagate: { forward: 5, backward: 0, scope: 'all' },
  preview: null,
  previewBusy: false,
  setTool: (tool) => set({ tool, polygon: [], polygonSelected: null }),
  setClassId: (classId) => set({ classId: Math.max(0, Math.min(255, Math.round(classId))) }),
  setBrushRadius: (r) => set({ brushRadius: Math.max(BRUSH_MIN, Math.min(BRUSH_MAX, Math.round(r))) }),
  setHistoryState: (h) => set(h),
  labelsChanged: (editFrame, labelsDirty) => set({ editFrame, labelsDirty, labelsVersion: get().labelsVersion + 1 }),
  setPolygon: (polygon, selected) => {
    const keep = selected === undefined ? get().polygonSelected : selected;
    set({ polygon, polygonSelected: keep !== null && keep >= 0 && keep < polygon.length ? keep : null });
  },
  setSuperpixelSize: (size) => set({ superpixelSize: Math.max(SUPERPIXEL_MIN, Math.min(SUPERPIXEL_MAX, Math.round(size))) }),
  setSuperpixelStatus: (superpixelStatus) => set({ superpixelStatus }),
  setPropagate: (p) => set({ propagate: { ...get().propagate, ...p } }),
  setPreview: (preview) => set({ preview }),
  setPreviewBusy: (previewBusy) => set({ previewBusy }),
});
