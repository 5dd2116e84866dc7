/** Wires an Autosaver to a project: every staged change schedules a flush. */
import { Autosaver, type AutosaveOptions } from './autosave.ts';
import type { Project } from './project.ts';

export function autosaveProject(project: Project, opts: AutosaveOptions = {}): Autosaver {
  const saver = new Autosaver(() => project.flush(), opts);
  project.onDirty = () => saver.touch();
  return saver;
}
