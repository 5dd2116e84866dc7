/**
 * What the class editor and the frame-rate field do with the backend: each change is one request
 * (project.setClasses, track.setClassMap, project.setFrameRate) whose answer replaces the project
 * state; a refusal is shown as its one-line message. Class-list changes are undoable (the
 * editor's own history, store/classes-slice.ts).
 */
import type { ClassDef, ProjectState } from '../../../electron/shared/contract.ts';
import { client } from '../client/bridge.ts';
import { invalidateLabels } from '../client/resources.ts';
import { editing } from '../edit/editing.ts';
import { adoptRetimedVideo } from '../project/project-actions.ts';
import { appStore } from '../store/index.ts';
import { withColor, withName, withNewClass, without, type Rgb } from './class-edit.ts';

const state = () => appStore.getState();
const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Takes a new project state from the backend, keeping the view the page holds. */
function show(next: ProjectState): void {
  const s = state();
  if (s.project?.id !== next.id) return;
  s.setProject({ ...next, view: s.project.view });
}

async function sendClasses(classes: ClassDef[]): Promise<boolean> {
  const p = state().project;
  if (!p) return false;
  try {
    show(await client.call('project.setClasses', { projectId: p.id, classes }));
    return true;
  } catch (e) {
    state().setClassError(message(e));
    return false;
  }
}

/** Sends a new class list; when the backend keeps it, it becomes an undo step. */
async function change(label: string, edit: (classes: ClassDef[]) => ClassDef[] | null): Promise<boolean> {
  const before = state().project?.classes;
  if (!before) return false;
  const after = edit(before);
  if (!after) return false;
  if (!(await sendClasses(after))) return false;
  state().pushClassStep({ label, before, after });
  return true;
}

const nameOf = (id: number): string => state().project?.classes.find((c) => c.id === id)?.name ?? `class ${id}`;

export function renameClass(id: number, name: string): Promise<boolean> {
  if (name.trim() === nameOf(id)) return Promise.resolve(true);
  return change(`rename ${nameOf(id)}`, (cs) => withName(cs, id, name));
}

export const recolorClass = (id: number, color: Rgb): Promise<boolean> => change(`recolour ${nameOf(id)}`, (cs) => withColor(cs, id, color));

export function addClass(): Promise<boolean> {
  const p = state().project;
  if (!p) return Promise.resolve(false);
  return change('add a class', (cs) => {
    const next = withNewClass(cs, p.ignoreIndex);
    if (!next) state().setClassError('every class id is in use (a project holds at most 256 classes)');
    return next;
  });
}

export const removeClass = (id: number): Promise<boolean> => change(`remove ${nameOf(id)}`, (cs) => without(cs, id));

export async function undoClasses(): Promise<void> {
  const step = state().classUndo.at(-1);
  if (step && (await sendClasses(step.before))) state().moveClassStep('undo');
}

export async function redoClasses(): Promise<void> {
  const step = state().classRedo.at(-1);
  if (step && (await sendClasses(step.after))) state().moveClassStep('redo');
}

/** Maps model class `from` of a track onto project class `to` (the void id: ignore). */
export async function mapModelClass(trackId: string, from: number, to: number): Promise<void> {
  const p = state().project;
  const track = p?.tracks.find((t) => t.id === trackId);
  if (!p || !track) return;
  try {
    show(await client.call('track.setClassMap', { projectId: p.id, trackId, classMap: { ...track.classMap, [String(from)]: to } }));
    // Every uncorrected frame of the track reads differently now.
    invalidateLabels(p.id, trackId);
    editing.reload();
    state().bumpLabelsSaved();
    state().setClassError(null);
  } catch (e) {
    state().setClassError(message(e));
  }
}

/** Sets the frame rate of the project's frames folder; the video's timing follows. */
export async function setFrameRate(fps: number): Promise<boolean> {
  const p = state().project;
  if (!p) return false;
  try {
    const next = await client.call('project.setFrameRate', { projectId: p.id, fps });
    show(next);
    adoptRetimedVideo(next);
    state().notify('info', `Frame rate set to ${fps} fps`);
    return true;
  } catch (e) {
    state().notify('error', `Cannot set the frame rate: ${message(e)}`);
    return false;
  }
}
