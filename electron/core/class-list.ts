/**
 * The class list of a project, and how a model's classes map onto it. Pure checks with one-line
 * messages; the project (backend/project/classes.ts) applies them.
 *
 * Mapping semantics (one map per track, stored in project.json with the track):
 *  - A track's label files always hold its model's class ids; they are never rewritten.
 *  - Its map sends model class ids to project class ids (or to the void id: "ignore"). Ids not in
 *    the map keep their value. The map is applied wherever the track's engine labels are read:
 *    the viewer, hover readout, stats, editing and every export.
 *  - Corrections are made in project classes and stored as such: the map never touches them.
 *    Changing a map therefore changes every uncorrected frame of the track, and no corrected one.
 */
import { ValidationError } from './errors.ts';

export interface ClassEntry {
  id: number;
  name: string;
  color: [number, number, number];
}

/** Most classes a project can hold (one byte per label pixel). */
export const MAX_CLASSES = 256;
export const MAX_CLASS_NAME = 200;

/** model class id (as a string key) → project class id or the void id. */
export type ClassMap = Record<string, number>;

/** Why `id` cannot be removed (e.g. "corrections of track t1 use it"), or null when it can. */
export type ClassUse = (id: number) => Promise<string | null>;

/** Checks a new class list (ids unique, not the void id; names non-empty and unique) and returns it trimmed. */
export function checkClassList(classes: readonly ClassEntry[], ignoreIndex: number): ClassEntry[] {
  if (classes.length === 0) throw new ValidationError('a project needs at least one class');
  if (classes.length > MAX_CLASSES) throw new ValidationError(`a project holds at most ${MAX_CLASSES} classes, got ${classes.length}`);
  const ids = new Set<number>();
  const names = new Map<string, number>();
  return classes.map((c) => {
    const name = c.name.trim();
    if (!Number.isInteger(c.id) || c.id < 0 || c.id > 255) throw new ValidationError(`class id ${c.id} is not a whole number 0–255`);
    if (c.id === ignoreIndex) throw new ValidationError(`class id ${c.id} is the void id of this project; choose another id`);
    if (ids.has(c.id)) throw new ValidationError(`class id ${c.id} is used twice`);
    if (!name) throw new ValidationError(`class ${c.id} needs a name`);
    if (name.length > MAX_CLASS_NAME) throw new ValidationError(`class ${c.id}: the name is longer than ${MAX_CLASS_NAME} characters`);
    const twin = names.get(name.toLowerCase());
    if (twin !== undefined) throw new ValidationError(`classes ${twin} and ${c.id} are both named "${name}"`);
    if (c.color.length !== 3 || c.color.some((v) => !Number.isInteger(v) || v < 0 || v > 255)) {
      throw new ValidationError(`class "${name}": the colour must be three whole numbers 0–255`);
    }
    ids.add(c.id);
    names.set(name.toLowerCase(), c.id);
    return { id: c.id, name, color: [c.color[0], c.color[1], c.color[2]] };
  });
}

/** Ids of `before` that `after` no longer has. */
export function removedClassIds(before: readonly ClassEntry[], after: readonly ClassEntry[]): number[] {
  const kept = new Set(after.map((c) => c.id));
  return before.filter((c) => !kept.has(c.id)).map((c) => c.id);
}

/** The smallest id not used by `classes` nor the void id (null when all 256 are taken). */
export function nextFreeClassId(classes: readonly ClassEntry[], ignoreIndex: number): number | null {
  const used = new Set(classes.map((c) => c.id));
  for (let id = 0; id < 256; id++) if (!used.has(id) && id !== ignoreIndex) return id;
  return null;
}

/**
 * The map a new track starts with: a model class goes to the project class of the same name
 * (case-insensitive), else keeps its id when the project has it, else is ignored. Identity
 * entries are left out.
 */
export function defaultClassMap(model: readonly ClassEntry[], project: readonly ClassEntry[], ignoreIndex: number): ClassMap {
  const byName = new Map(project.map((c) => [c.name.toLowerCase(), c.id]));
  const ids = new Set(project.map((c) => c.id));
  const map: ClassMap = {};
  for (const m of model) {
    const to = byName.get(m.name.trim().toLowerCase()) ?? (ids.has(m.id) ? m.id : ignoreIndex);
    if (to !== m.id) map[String(m.id)] = to;
  }
  return map;
}

/** Checks a map: keys are model class ids, values project class ids or the void id. Identity entries are dropped. */
export function checkClassMap(map: ClassMap, model: readonly ClassEntry[], project: readonly ClassEntry[], ignoreIndex: number): ClassMap {
  const from = new Set(model.map((c) => c.id));
  const to = new Set([...project.map((c) => c.id), ignoreIndex]);
  const out: ClassMap = {};
  for (const [key, value] of Object.entries(map)) {
    const id = Number(key);
    if (!from.has(id)) throw new ValidationError(`the model has no class ${key}`);
    if (!to.has(value)) throw new ValidationError(`model class ${key} maps to ${value}, which is not a class of the project`);
    if (value !== id) out[key] = value;
  }
  return out;
}

/** The project ids a track's labels can hold through its map. */
export function mappedIds(model: readonly ClassEntry[], map: ClassMap): Set<number> {
  return new Set(model.map((c) => map[String(c.id)] ?? c.id));
}

/** A 256-entry lookup table for `map`, or null when it changes nothing. */
export function classMapLut(map: ClassMap): Uint8Array | null {
  const entries = Object.entries(map);
  if (entries.length === 0) return null;
  const lut = new Uint8Array(256);
  for (let i = 0; i < 256; i++) lut[i] = i;
  for (const [k, v] of entries) lut[Number(k)] = v;
  return lut;
}

/** Rewrites label ids through `lut`, in place. */
export function applyClassLut(labels: Uint8Array, lut: Uint8Array): void {
  for (let i = 0; i < labels.length; i++) labels[i] = lut[labels[i]!]!;
}
