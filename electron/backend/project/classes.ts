/**
 * Class-list operations on a project, each checked first and written atomically into
 * project.json: replace the class list (rename, recolour, add, remove an unused class), map a
 * track's model classes onto the project's (semantics in core/class-list.ts) and set the frame
 * rate of a frames folder. Hiding a class is a view setting (view.hiddenClasses), not a change of
 * the list.
 */
import { checkClassList, checkClassMap, mappedIds, removedClassIds, type ClassEntry, type ClassMap } from '../../core/class-list.ts';
import { VssError } from '../../core/errors.ts';
import { expectFrameRate } from '../../core/frame-rate.ts';
import type { Project } from './project.ts';

/**
 * Why class `id` cannot be removed, or null: a track may show it (through its model's classes and
 * map, or because its model's classes are not recorded), or a correction uses it.
 */
export async function classInUse(project: Project, id: number): Promise<string | null> {
  for (const t of project.tracks) {
    if (!t.modelClasses) return `track "${t.name}" may hold it (its model's classes are not recorded)`;
    if (mappedIds(t.modelClasses, t.classMap ?? {}).has(id)) return `track "${t.name}" shows a model class as it`;
    for (const stem of project.correctedStems(t.id)) {
      const labels = await project.loadLabels(t.id, stem).catch(() => null);
      if (labels?.data.includes(id)) return `the corrections of track "${t.name}" use it (frame ${stem})`;
    }
  }
  return null;
}

/** Replaces the class list; a removed class must be unused (hide it otherwise). */
export async function setClasses(project: Project, next: readonly ClassEntry[]): Promise<ClassEntry[]> {
  const before = project.classes;
  const checked = checkClassList(next, project.ignoreIndex);
  for (const id of removedClassIds(before, checked)) {
    const why = await classInUse(project, id);
    const name = before.find((c) => c.id === id)?.name ?? String(id);
    if (why) throw new VssError('BAD_REQUEST', `class "${name}" cannot be removed: ${why}; hide it instead`);
  }
  await project.update((f) => {
    f.classes = checked;
  });
  return checked;
}

/** Sets how a track's model classes map onto the project's classes. */
export async function setTrackClassMap(project: Project, trackId: string, map: ClassMap): Promise<ClassMap> {
  const track = project.track(trackId);
  if (!track.modelClasses) throw new VssError('BAD_REQUEST', `track "${track.name}" does not record its model's classes; its labels are shown as they are`);
  const checked = checkClassMap(map, track.modelClasses, project.classes, project.ignoreIndex);
  await project.update((f) => {
    const t = f.tracks.find((x) => x.id === track.id);
    if (t) t.classMap = checked;
  });
  return checked;
}

/** Sets the frame rate of the project's frames folder (the caller checks that it is one). */
export async function setFrameRate(project: Project, fps: number): Promise<void> {
  const checked = expectFrameRate(fps, 'frame rate');
  await project.update((f) => {
    f.video.fps = checked;
  });
}
