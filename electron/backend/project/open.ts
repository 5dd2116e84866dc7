/** createProject and openProject: the entry points to a project folder. */
import { mkdir, readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ValidationError } from '../../core/errors.ts';
import { VssError } from '../../core/errors.ts';
import { sweepTemps, writeJsonAtomic } from './atomic.ts';
import { checkVideo, fingerprintOf, videoRef } from './fingerprint.ts';
import { lockOfOther } from './lock.ts';
import { projectPaths, PROJECT_FILE } from './paths.ts';
import { Project } from './project.ts';
import { reconcileCorrections } from './reconcile.ts';
import { parseClass, parseProjectFile } from './schema.ts';
import { DEFAULT_VIEW, PROJECT_FORMAT, PROJECT_VERSION, type ClassInfo, type ProjectFile } from './types.ts';

export interface CreateProjectOptions {
  videoPath: string;
  /** Classes from the model bundle's model.json. */
  classes: ClassInfo[];
  /** Void class id (model.json ignoreIndex); default 255. */
  ignoreIndex?: number;
  /** Exact frame count from the video probe, stored in the fingerprint when given. */
  frameCount?: number;
  /** Frames folders: the frame rate chosen when it was opened. */
  fps?: number;
}

/** Creates a project folder (empty or new) for a video. Refuses a folder that already has one. */
export async function createProject(dir: string, opts: CreateProjectOptions): Promise<Project> {
  const root = resolve(dir);
  await mkdir(root, { recursive: true });
  const paths = projectPaths(root);
  if (await exists(paths.projectFile)) throw new VssError('BAD_REQUEST', `${root} already holds a project (${PROJECT_FILE})`);
  let fp;
  try {
    fp = await fingerprintOf(resolve(opts.videoPath), opts.frameCount ?? null);
  } catch {
    throw new VssError('NOT_FOUND', `video not found: ${opts.videoPath}`);
  }
  const classes = opts.classes.map((c, i) => parseClass(c, `classes[${i}]`));
  const now = new Date().toISOString();
  const file: ProjectFile = {
    format: PROJECT_FORMAT,
    version: PROJECT_VERSION,
    createdAt: now,
    updatedAt: now,
    video: { ...videoRef(root, opts.videoPath, fp), ...(opts.fps === undefined ? {} : { fps: opts.fps }) },
    classes,
    ignoreIndex: opts.ignoreIndex ?? 255,
    tracks: [],
    view: structuredClone(DEFAULT_VIEW),
    playhead: 0,
    lockedFrames: {},
    corrections: {},
  };
  await writeJsonAtomic(paths.projectFile, { ...file, historySeq: 0, historyRevision: null });
  return new Project(root, file, false, null, null, null, 0);
}

/** Opens a project folder; a moved or changed video is reported (videoMissing), not thrown. */
export async function openProject(dir: string): Promise<Project> {
  const root = resolve(dir);
  const paths = projectPaths(root);
  let text: string;
  try {
    text = await readFile(paths.projectFile, 'utf8');
  } catch {
    throw new VssError('NOT_FOUND', `no project at ${root} (missing ${PROJECT_FILE})`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new VssError('CORRUPT', `${PROJECT_FILE} in ${root} is not valid JSON`);
  }
  let file: ProjectFile;
  try {
    file = parseProjectFile(raw);
  } catch (e) {
    if (e instanceof ValidationError) throw new VssError('CORRUPT', `${PROJECT_FILE}: ${e.message}`);
    throw e;
  }
  // Temp files of a crash are swept, but not while another live process (which may be writing
  // them right now) holds the project: a reader such as `vss export` must not break its saves.
  if (!(await lockOfOther(root))) await sweepTemps(root);
  const { historyRevision: rev, historySeq: seq } = raw as { historyRevision?: unknown; historySeq?: unknown };
  const check = await checkVideo(root, file.video);
  if (check.found && check.found !== file.video.path) file.video = { ...file.video, path: check.found };
  const savedSeq = typeof seq === 'number' && Number.isSafeInteger(seq) && seq >= 0 ? seq : 0;
  await reconcileCorrections(file, paths);
  return new Project(root, file, check.missing, check.problem, check.note, typeof rev === 'string' ? rev : null, savedSeq);
}

/** True when `dir` holds a project.json. */
export async function isProjectDir(dir: string): Promise<boolean> {
  return exists(projectPaths(resolve(dir)).projectFile);
}

async function exists(p: string): Promise<boolean> {
  try {
    await stat(p);
    return true;
  } catch {
    return false;
  }
}

