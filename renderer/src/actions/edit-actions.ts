/** Editing: tools, classes, brush and superpixel size, undo / redo, the frame lock, polygon vertex delete, close and cancel. */
import { editing } from '../edit/editing.ts';
import { currentTrackId } from '../store/project-slice.ts';
import { stepBrush, stepSuperpixel, type EditTool } from '../store/edit-slice.ts';
import { deleteVertex } from '../edit/polygon-edit.ts';
import type { AppState } from '../store/app-store.ts';
import type { Action } from './types.ts';

/** A track to correct exists (the project has a main track and its video). */
const canEdit = (s: AppState): boolean => s.video !== null && s.project !== null && currentTrackId(s.project) !== null;

function tool(t: EditTool, label: string, key: string): Action {
  return { id: `tool.${t}`, label, group: 'Editing', keys: [key], enabled: canEdit, checked: (s) => s.tool === t, perform: (s) => s.setTool(s.tool === t ? null : t) };
}

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'];

export const EDIT_ACTIONS: readonly Action[] = [
  tool('brush', 'Brush', 'B'),
  tool('eraser', 'Eraser', 'E'),
  tool('polygon', 'Polygon', 'P'),
  tool('fill', 'Fill', 'U'),
  tool('picker', 'Pick a class from the image', 'I'),
  tool('superpixel', 'Superpixels (click: one, Shift+click: similar run, drag: paint)', 'S'),
  {
    id: 'edit.class',
    label: 'Pick class 1–10 (Shift: 11–20)',
    group: 'Editing',
    keys: [...DIGITS, ...DIGITS.map((d) => `Shift+${d}`)],
    keyHint: '1…0, Shift+1…0',
    enabled: (s) => canEdit(s) && s.tool !== null,
    perform: (s, t) => {
      const c = s.project?.classes[t.binding];
      if (c) s.setClassId(c.id);
    },
  },
  { id: 'brush.smaller', label: 'Smaller brush', group: 'Editing', keys: ['-', '_'], enabled: (s) => s.tool !== null, perform: (s) => s.setBrushRadius(stepBrush(s.brushRadius, -1)) },
  { id: 'brush.larger', label: 'Larger brush', group: 'Editing', keys: ['=', 'Plus'], enabled: (s) => s.tool !== null, perform: (s) => s.setBrushRadius(stepBrush(s.brushRadius, 1)) },
  {
    id: 'superpixel.smaller',
    label: 'Smaller superpixels',
    group: 'Editing',
    keys: [','],
    enabled: (s) => s.tool === 'superpixel',
    perform: (s) => s.setSuperpixelSize(stepSuperpixel(s.superpixelSize, -1)),
  },
  {
    id: 'superpixel.larger',
    label: 'Larger superpixels',
    group: 'Editing',
    keys: ['.'],
    enabled: (s) => s.tool === 'superpixel',
    perform: (s) => s.setSuperpixelSize(stepSuperpixel(s.superpixelSize, 1)),
  },
  { id: 'edit.undo', label: 'Undo', group: 'Editing', keys: ['Mod+Z'], enabled: (s) => s.canUndo, perform: () => editing.undo() },
  { id: 'edit.redo', label: 'Redo', group: 'Editing', keys: ['Mod+Shift+Z', 'Mod+Y'], enabled: (s) => s.canRedo, perform: () => editing.redo() },
  {
    id: 'frame.lock',
    label: 'Lock this frame against engine runs',
    group: 'Editing',
    keys: ['L'],
    enabled: canEdit,
    checked: (s) => {
      const id = currentTrackId(s.project);
      return id !== null && (s.project?.locked[id] ?? []).includes(s.index);
    },
    perform: (s) => void editing.toggleLock(s.index),
  },
  {
    id: 'polygon.deleteVertex',
    label: 'Delete the selected polygon vertex (Alt+click deletes the one clicked)',
    group: 'Editing',
    keys: ['Delete', 'Backspace'],
    enabled: (s) => s.tool === 'polygon' && s.polygonSelected !== null,
    perform: (s) => s.setPolygon(deleteVertex(s.polygon, s.polygonSelected ?? -1), null),
  },
  { id: 'polygon.close', label: 'Close the polygon and fill it (drag a vertex to move it, click an edge to insert one)', group: 'Editing', keys: ['Enter'], enabled: (s) => s.tool === 'polygon' && s.polygon.length >= 3, perform: (s) => editing.closePolygon(s.index) },
  {
    id: 'edit.cancel',
    label: 'Cancel the stroke or polygon, then put the tool down',
    group: 'Editing',
    keys: ['Escape'],
    enabled: (s) => s.tool !== null,
    perform: (s) => {
      if (editing.session()?.stroking) editing.cancelStroke(s.index);
      else if (s.polygon.length > 0) s.setPolygon([]);
      else s.setTool(null);
    },
  },
];
