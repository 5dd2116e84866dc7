/**
 * "labels": a folder (or ZIP) of 8-bit label-id PNGs named <frame>.png, with the classes.json
 * that `vss export --format labels` writes beside them ({ ignoreIndex, classes: [{ id, name }] }).
 * Without classes.json the pixel values are read as this project's own class ids.
 */
import { VssError } from '../../core/errors.ts';
import { naturalCompare } from '../video/natural-sort.ts';
import { byFolder, decodeGreyPng } from './source-png.ts';
import type { SourceFiles } from './source-files.ts';
import { stemOfPath } from './source-files.ts';
import type { LabelSource, SourceClass } from './types.ts';

export interface ProjectClasses {
  classes: readonly { id: number; name: string }[];
  ignoreIndex: number;
}

function parseClassesJson(text: string, where: string): SourceClass[] {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new VssError('CORRUPT', `${where} is not valid JSON`);
  }
  const o = (typeof raw === 'object' && raw !== null ? raw : {}) as { classes?: unknown; ignoreIndex?: unknown };
  if (!Array.isArray(o.classes)) throw new VssError('CORRUPT', `${where} has no "classes" list`);
  const out: SourceClass[] = o.classes.map((c: unknown, i) => {
    const { id, name } = (typeof c === 'object' && c !== null ? c : {}) as { id?: unknown; name?: unknown };
    if (!Number.isInteger(id) || (id as number) < 0 || (id as number) > 255 || typeof name !== 'string') throw new VssError('CORRUPT', `${where}: classes[${i}] needs an id 0..255 and a name`);
    return { value: id as number, name };
  });
  const ig = o.ignoreIndex;
  if (Number.isInteger(ig) && (ig as number) >= 0 && (ig as number) <= 255 && !out.some((c) => c.value === ig)) out.push({ value: ig as number, name: 'void', void: true });
  return out;
}

/** The folder of label PNGs: the one holding classes.json, else the shallowest one with PNGs. */
function labelFolder(src: SourceFiles): { dir: string; pngs: string[]; classesFile: string | null } {
  const classesFile = src.files.find((f) => f === 'classes.json' || f.endsWith('/classes.json')) ?? null;
  const groups = byFolder(src.files.filter((f) => /\.png$/i.test(f)));
  const dir = classesFile ? classesFile.slice(0, Math.max(0, classesFile.lastIndexOf('/'))) : [...groups.keys()].sort((a, b) => a.split('/').length - b.split('/').length || naturalCompare(a, b))[0];
  const pngs = dir === undefined ? [] : (groups.get(dir) ?? []);
  if (pngs.length === 0) throw new VssError('NOT_FOUND', `no label PNGs in ${src.label}${dir ? `/${dir}` : ''}`);
  return { dir: dir ?? '', pngs: pngs.sort(naturalCompare), classesFile };
}

export async function readLabelsSource(src: SourceFiles, project: ProjectClasses): Promise<LabelSource> {
  const { pngs, classesFile } = labelFolder(src);
  const notes: string[] = [];
  let classes: SourceClass[];
  if (classesFile) {
    classes = parseClassesJson((await src.read(classesFile)).toString('utf8'), classesFile);
    notes.push(`classes from ${classesFile}`);
  } else {
    classes = [...project.classes.map((c) => ({ value: c.id, name: c.name })), { value: project.ignoreIndex, name: 'void', void: true }];
    notes.push("no classes.json: pixel values are read as this project's class ids");
  }
  const frames = pngs.map((file) => ({
    file,
    name: stemOfPath(file),
    index: null,
    load: async () => decodeGreyPng(await src.read(file), file, 'use --format cvat for colour masks'),
  }));
  return { classes, undeclared: 'error', frames, notes };
}
