/**
 * Where imported labels are read from: a folder or a ZIP archive, seen the same way as a list of
 * relative "/"-separated file paths. Paths come only from listing (never from a file's content),
 * and `read` accepts only listed paths, so nothing outside the folder or archive is read.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { VssError } from '../../core/errors.ts';
import { ZipReader } from '../zip/zip-read.ts';

/** At most this many files are listed (a wrong --from such as a home folder fails fast). */
export const MAX_SOURCE_FILES = 200_000;

export interface SourceFiles {
  /** The folder or archive, for messages. */
  readonly label: string;
  /** Every file, relative, "/"-separated. */
  readonly files: readonly string[];
  read(rel: string): Promise<Buffer>;
  close(): Promise<void>;
}

async function walk(root: string, rel: string, out: string[], depth: number): Promise<void> {
  const entries = await readdir(join(root, rel), { withFileTypes: true });
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory() && depth > 0) await walk(root, r, out, depth - 1);
    else if (e.isFile()) out.push(r);
    if (out.length > MAX_SOURCE_FILES) throw new VssError('BAD_REQUEST', `${root} holds more than ${MAX_SOURCE_FILES} files: point --from at the labels folder itself`);
  }
}

async function folderFiles(root: string): Promise<SourceFiles> {
  const files: string[] = [];
  await walk(root, '', files, 6);
  const known = new Set(files);
  return {
    label: root,
    files,
    read: async (rel) => {
      if (!known.has(rel)) throw new VssError('NOT_FOUND', `${root} has no file "${rel}"`);
      return readFile(join(root, ...rel.split('/')));
    },
    close: async () => undefined,
  };
}

async function zipFiles(path: string): Promise<SourceFiles> {
  const zip = await ZipReader.open(path);
  return { label: path, files: [...zip.entries.keys()], read: (rel) => zip.read(rel), close: () => zip.close() };
}

/** One annotation file given directly (COCO's annotations JSON). */
function singleFile(path: string): SourceFiles {
  const name = basename(path);
  return {
    label: path,
    files: [name],
    read: async (rel) => {
      if (rel !== name) throw new VssError('NOT_FOUND', `${path} is a single file`);
      return readFile(path);
    },
    close: async () => undefined,
  };
}

/** Opens a folder or a .zip file. */
export async function openSourceFiles(from: string): Promise<SourceFiles> {
  const abs = resolve(from);
  let s;
  try {
    s = await stat(abs);
  } catch {
    throw new VssError('NOT_FOUND', `${abs} does not exist`);
  }
  if (s.isDirectory()) return folderFiles(abs);
  if (/\.zip$/i.test(abs)) return zipFiles(abs);
  if (/\.json$/i.test(abs)) return singleFile(abs);
  throw new VssError('BAD_REQUEST', `${abs} is not a folder, a .zip archive or a .json file`);
}

/** The file name without folders and extension ("a/b/000012.png" → "000012"). */
export function stemOfPath(rel: string): string {
  const name = rel.slice(rel.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}
