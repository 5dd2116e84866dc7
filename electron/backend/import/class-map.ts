/**
 * Mapping source classes onto the project's classes by name: the same name ignoring case, spaces,
 * "-" and "_"; else two names for the same Cityscapes label (Pavement and sidewalk, Tree and
 * vegetation, …; export/cityscapes-map.ts is the one synonym table); else unmatched. The source's
 * own void (background, unlabeled) becomes the project's void. Explicit choices (`map`) win.
 * An unmatched class stops the import only if a frame uses it (unless `unmatched` is "void").
 */
import { VssError } from '../../core/errors.ts';
import type { LabelMap } from '../../core/types.ts';
import { cityscapesLabelFor, normalizeClassName } from '../export/cityscapes-map.ts';
import type { ImportClassMatch } from '../../shared/contract/imports.ts';
import type { LabelSource } from './types.ts';

export interface ProjectClassList {
  classes: readonly { id: number; name: string }[];
  ignoreIndex: number;
}

export type MatchHow = ImportClassMatch['how'];

export interface ClassMatch {
  /** The source's class name and pixel value. */
  source: string;
  value: number;
  /** The project class it becomes ("void" for the project's void), null when unmatched. */
  target: string | null;
  targetId: number | null;
  how: MatchHow;
}

export interface ClassMapOptions {
  /** Source class name → project class name or "void". */
  map?: Readonly<Record<string, string>>;
  /** What unmatched classes become: an error when a frame uses them (default), or void. */
  unmatched?: 'error' | 'void';
}

/** Values of the table that are not project class ids. */
const UNMATCHED = -1;
const UNDECLARED = -2;

export interface ClassTable {
  matches: ClassMatch[];
  /** Source pixel value → project class id (or UNMATCHED / UNDECLARED). */
  table: Int16Array;
}

function findTarget(name: string, project: ProjectClassList): { id: number; name: string } | undefined {
  const n = normalizeClassName(name);
  if (n === 'void') return { id: project.ignoreIndex, name: 'void' };
  return project.classes.find((c) => normalizeClassName(c.name) === n);
}

function synonym(name: string, project: ProjectClassList): { id: number; name: string } | undefined {
  const cs = cityscapesLabelFor(name).id;
  return cs === 0 ? undefined : project.classes.find((c) => cityscapesLabelFor(c.name).id === cs);
}

/** The explicit choices, checked: every key a source class, every value a project class or "void". */
function checkedChoices(src: LabelSource, project: ProjectClassList, map: Readonly<Record<string, string>>): Map<string, { id: number; name: string }> {
  const out = new Map<string, { id: number; name: string }>();
  for (const [from, to] of Object.entries(map)) {
    const s = src.classes.find((c) => normalizeClassName(c.name) === normalizeClassName(from));
    if (!s) throw new VssError('BAD_REQUEST', `class map: the source has no class "${from}" (it has ${src.classes.filter((c) => !c.void).map((c) => c.name).join(', ')})`);
    const t = findTarget(to, project);
    if (!t) throw new VssError('BAD_REQUEST', `class map: the project has no class "${to}" (it has ${project.classes.map((c) => c.name).join(', ')}, or void)`);
    out.set(s.name, t);
  }
  return out;
}

export function buildClassMap(src: LabelSource, project: ProjectClassList, opts: ClassMapOptions = {}): ClassTable {
  const chosen = checkedChoices(src, project, opts.map ?? {});
  const table = new Int16Array(256).fill(src.undeclared === 'void' ? project.ignoreIndex : UNDECLARED);
  const matches = src.classes.map((c): ClassMatch => {
    const pick = chosen.get(c.name);
    let m: { t: { id: number; name: string } | undefined; how: MatchHow };
    if (pick) m = { t: pick, how: 'chosen' };
    else if (c.void) m = { t: { id: project.ignoreIndex, name: 'void' }, how: 'void' };
    else {
      const byName = findTarget(c.name, project);
      const bySyn = byName ? undefined : synonym(c.name, project);
      m = byName ? { t: byName, how: 'name' } : bySyn ? { t: bySyn, how: 'synonym' } : opts.unmatched === 'void' ? { t: { id: project.ignoreIndex, name: 'void' }, how: 'void' } : { t: undefined, how: 'unmatched' };
    }
    table[c.value] = m.t ? m.t.id : UNMATCHED;
    return { source: c.name, value: c.value, target: m.t?.name ?? null, targetId: m.t?.id ?? null, how: m.how };
  });
  return { matches, table };
}

/** A source frame's values as project class ids; refuses unmatched classes and unknown values. */
export function remapLabels(l: LabelMap, t: ClassTable, file: string): LabelMap {
  const out = new Uint8Array(l.data.length);
  for (let i = 0; i < out.length; i++) {
    const v = l.data[i]!;
    const id = t.table[v]!;
    if (id >= 0) {
      out[i] = id;
      continue;
    }
    if (id === UNMATCHED) {
      const name = t.matches.find((m) => m.value === v)!.source;
      throw new VssError('BAD_REQUEST', `class "${name}" (used in ${file}) has no match in this project: map it to a project class or to void`);
    }
    throw new VssError('BAD_REQUEST', `${file}: pixel value ${v} at (${i % l.width}, ${Math.floor(i / l.width)}) is not a class of the source`);
  }
  return { width: l.width, height: l.height, data: out };
}
