/**
 * planImport / runImport: labels from another tool into a project, as a new track or as
 * corrections of a track. Every frame is read, checked (size, classes) and mapped into a temp
 * folder first; only when all of them are good does anything reach the project (the track is
 * moved in, or the corrections are saved), so a bad file or a cancel leaves the project as it was.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { VssError } from '../../core/errors.ts';
import type { StemMap } from '../../core/frame-stems.ts';
import { TEMP_MARK } from '../project/atomic.ts';
import { decodeLabelPng, encodeLabelPng } from '../project/label-png.ts';
import type { Project } from '../project/project.ts';
import type { Track } from '../project/types.ts';
import { resolveExportTrack } from '../export/resolve-track.ts';
import { buildClassMap, remapLabels, type ClassMapOptions, type ClassMatch, type ClassTable } from './class-map.ts';
import { matchFrames, type FrameMatch } from './frame-match.ts';
import { readSource } from './read-source.ts';
import { openSourceFiles } from './source-files.ts';
import type { ImportFormat, LabelSource } from './types.ts';

/** The project video's frames: count, names and size (every imported frame must have it). */
export interface ImportTarget {
  width: number;
  height: number;
  frameCount: number;
  stems: StemMap;
}

/** A new track named `name`, or corrections of `track` (id, name or "corrected" as in exports). */
export type ImportMode = { as: 'track'; name: string } | { as: 'corrections'; track: string; replaceCorrected?: boolean };

export interface ImportOptions extends ClassMapOptions {
  format: ImportFormat;
  from: string;
  mode: ImportMode;
  target: ImportTarget;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

export interface ImportPlan {
  format: ImportFormat;
  from: string;
  as: ImportMode['as'];
  /** The track corrections go to (null for a new track). */
  trackId: string | null;
  classes: ClassMatch[];
  frames: { source: number; matched: { file: string; stem: string; index: number; by: 'name' | 'index' }[] } & Omit<FrameMatch, 'matched'> & {
    /** Frames that already have your corrections: kept unless replaceCorrected. */
    alreadyCorrected: string[];
  };
  notes: string[];
}

export interface ImportResult extends ImportPlan {
  /** The new track's id, or the corrected track's. */
  trackId: string;
  imported: number;
}

interface Prepared {
  plan: ImportPlan;
  source: LabelSource;
  table: ClassTable;
  match: FrameMatch;
  track: Track | null;
}

async function prepare(project: Project, opts: ImportOptions, close: (f: () => Promise<void>) => void): Promise<Prepared> {
  const files = await openSourceFiles(opts.from);
  close(() => files.close());
  const source = await readSource(opts.format, files, { classes: project.classes, ignoreIndex: project.ignoreIndex });
  const table = buildClassMap(source, { classes: project.classes, ignoreIndex: project.ignoreIndex }, opts);
  const track = opts.mode.as === 'corrections' ? resolveExportTrack(project, opts.mode.track).track : null;
  const allowed = track ? new Set(await project.frames(track.id)) : undefined;
  const match = matchFrames(source.frames, { frameCount: opts.target.frameCount, stems: opts.target.stems, ...(allowed ? { allowed } : {}) });
  const corrected = new Set(track ? project.correctedStems(track.id) : []);
  const alreadyCorrected = match.matched.filter((m) => corrected.has(m.stem)).map((m) => m.frame.file);
  if (opts.mode.as === 'corrections' && !opts.mode.replaceCorrected) match.matched = match.matched.filter((m) => !corrected.has(m.stem));
  const plan: ImportPlan = {
    format: opts.format,
    from: resolve(opts.from),
    as: opts.mode.as,
    trackId: track?.id ?? null,
    classes: table.matches,
    frames: { source: source.frames.length, matched: match.matched.map((m) => ({ file: m.frame.file, stem: m.stem, index: m.index, by: m.by })), unmatched: match.unmatched, duplicates: match.duplicates, notInTrack: match.notInTrack, alreadyCorrected },
    notes: source.notes,
  };
  return { plan, source, table, match, track };
}

/** What an import would do (classes, frames), reading no pixels. */
export async function planImport(project: Project, opts: ImportOptions): Promise<ImportPlan> {
  const closers: (() => Promise<void>)[] = [];
  try {
    return (await prepare(project, opts, (f) => closers.push(f))).plan;
  } finally {
    for (const c of closers) await c().catch(() => undefined);
  }
}

function checkAbort(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new VssError('CANCELLED', 'import cancelled');
}

/** Reads, checks and maps every matched frame into `<tmp>/labels/<stem>.png`. */
async function convertFrames(p: Prepared, opts: ImportOptions, tmp: string): Promise<void> {
  const { width, height } = opts.target;
  let done = 0;
  for (const m of p.match.matched) {
    checkAbort(opts.signal);
    const l = await m.frame.load();
    if (l.width !== width || l.height !== height) throw new VssError('BAD_REQUEST', `${m.frame.file} is ${l.width}x${l.height} but the video's frames are ${width}x${height}`);
    await writeFile(join(tmp, 'labels', `${m.stem}.png`), encodeLabelPng(remapLabels(l, p.table, m.frame.file)));
    opts.onProgress?.(++done, p.match.matched.length);
  }
  checkAbort(opts.signal);
}

async function saveCorrections(project: Project, p: Prepared, tmp: string): Promise<void> {
  const trackId = p.track!.id;
  for (const [i, m] of p.match.matched.entries()) {
    project.stageCorrection(trackId, m.stem, decodeLabelPng(await readFile(join(tmp, 'labels', `${m.stem}.png`))));
    if (i % 32 === 31) await project.flush();
  }
  await project.flush();
}

export async function runImport(project: Project, opts: ImportOptions): Promise<ImportResult> {
  const closers: (() => Promise<void>)[] = [];
  const tmp = join(project.dir, `${TEMP_MARK}import-${randomBytes(4).toString('hex')}`);
  try {
    const p = await prepare(project, opts, (f) => closers.push(f));
    if (p.match.matched.length === 0) throw new VssError('NOT_FOUND', noFramesMessage(p.plan, opts.target));
    await mkdir(join(tmp, 'labels'), { recursive: true });
    await convertFrames(p, opts, tmp);
    if (opts.mode.as === 'corrections') {
      await saveCorrections(project, p, tmp);
      return { ...p.plan, trackId: p.track!.id, imported: p.match.matched.length };
    }
    await writeFile(join(tmp, 'summary.json'), JSON.stringify({ mode: 'import', keyFrames: [], settings: { format: opts.format, from: p.plan.from } }));
    const track = await project.addTrack(tmp, opts.mode.name, { move: true, source: p.plan.from });
    return { ...p.plan, trackId: track.id, imported: p.match.matched.length };
  } finally {
    for (const c of closers) await c().catch(() => undefined);
    await rm(tmp, { recursive: true, force: true });
  }
}

function noFramesMessage(plan: ImportPlan, target: ImportTarget): string {
  const f = plan.frames;
  const example = f.unmatched[0] ?? f.notInTrack[0] ?? f.alreadyCorrected[0];
  if (f.source > 0 && f.alreadyCorrected.length === f.source) return `every source frame already has corrections (replace them to import)`;
  if (f.notInTrack.length > 0 && f.unmatched.length === 0) return `the track has no labels for any of the ${f.source} source frames`;
  return `none of the ${f.source} source frames matches a frame of the video (e.g. "${example ?? '?'}"; the video's frames are named like "${target.stems.stemOf(0)}")`;
}
