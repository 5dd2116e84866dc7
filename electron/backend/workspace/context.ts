/**
 * What the workspace handlers (projects, engine runs, edits, export) share: the open projects,
 * the video service and the event emitter. Plain Node, no electron import.
 */
import type { EventName, Events } from '../../shared/contract.ts';
import type { Project } from '../project/index.ts';
import type { VideoService } from '../video/types.ts';
import { VssError } from '../../core/errors.ts';

export interface OpenProject {
  id: string;
  project: Project;
  /** Id of the project's video in the VideoService; null while the video is missing. */
  videoId: string | null;
}

export interface WorkspaceContext {
  video: VideoService;
  dataDir: string;
  emit<E extends EventName>(name: E, payload: Events[E]): void;
  projects: Map<string, OpenProject>;
  /** Folder of the model bundles; unset: modelsRoot() ($VSS_MODELS_DIR, beside the sources, <cwd>/native-models). */
  modelsDir?: string;
}

export function openProjectById(ctx: WorkspaceContext, projectId: string): OpenProject {
  const p = ctx.projects.get(projectId);
  if (!p) throw new VssError('NOT_FOUND', `no open project with id "${projectId}"`);
  return p;
}
