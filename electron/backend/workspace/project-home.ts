/** Where automatic projects live and which classes a new project gets from a model bundle. */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { VssError } from '../../core/errors.ts';
import { parseManifest } from '../../engine/model/manifest.ts';
import { DEFAULT_MODEL_DIR } from '../../engine/segment/settings.ts';
import type { ClassInfo } from '../project/types.ts';
import { createProject, isProjectDir, openProject, type CreateProjectOptions } from '../project/open.ts';
import type { Project } from '../project/project.ts';

/** <dataDir>/projects/<name>-<hash>: name from the video file, hash of its absolute path. */
export function autoProjectDir(dataDir: string, videoPath: string): string {
  const abs = resolve(videoPath);
  const name = basename(abs, extname(abs)).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'video';
  const hash = createHash('sha1').update(abs).digest('hex').slice(0, 10);
  return join(dataDir, 'projects', `${name}-${hash}`);
}

/**
 * The automatic project of a video, opened, or created (with what `creation` gives: it probes the
 * video and reads the model's classes only then) when there is none yet. The app, the review
 * host and `vss project` all go through here, so they agree on the folder.
 */
export async function autoProject(dataDir: string, videoPath: string, creation: () => Promise<CreateProjectOptions>): Promise<{ project: Project; created: boolean }> {
  const dir = autoProjectDir(dataDir, videoPath);
  if (await isProjectDir(dir)) return { project: await openProject(dir), created: false };
  return { project: await createProject(dir, await creation()), created: true };
}

export interface ModelClasses {
  classes: ClassInfo[];
  ignoreIndex: number;
}

/** Classes and void id of a model bundle (default: the bundled default model). */
export async function modelClasses(modelDir: string = DEFAULT_MODEL_DIR): Promise<ModelClasses> {
  let text: string;
  try {
    text = await readFile(join(modelDir, 'model.json'), 'utf8');
  } catch {
    throw new VssError('NOT_FOUND', `no model bundle at ${modelDir} (missing model.json)`);
  }
  const m = parseManifest(text);
  return { classes: m.classes.map((c) => ({ id: c.id, name: c.name, color: [...c.color] as [number, number, number] })), ignoreIndex: m.ignoreIndex ?? 255 };
}
