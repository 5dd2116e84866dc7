/**
 * Per open project: the project, its autosaver, the UI view (view.json), the session's undo
 * history and the stem map. Kept per WorkspaceContext so every handler group (projects, edits,
 * export, engine runs) can build the contract ProjectState with projectState(ctx, id).
 */
import type { ProjectState, ProjectView } from '../../shared/contract.ts';
import { VssError } from '../../core/errors.ts';
import type { Autosaver } from '../project/autosave.ts';
import type { OpenProject, WorkspaceContext } from './context.ts';
import { stemMapFor, stemsToIndices, type StemMap } from '../../core/frame-stems.ts';
import { trackInfos } from './track-info.ts';

export interface ProjectSession {
  open: OpenProject;
  autosaver: Autosaver;
  view: ProjectView;
  viewDirty: boolean;
  history: string | null;
  stems: StemMap;
}

const registry = new WeakMap<WorkspaceContext, Map<string, ProjectSession>>();

export function sessionsOf(ctx: WorkspaceContext): Map<string, ProjectSession> {
  let m = registry.get(ctx);
  if (!m) registry.set(ctx, (m = new Map()));
  return m;
}

export function sessionOf(ctx: WorkspaceContext, projectId: string): ProjectSession {
  const s = sessionsOf(ctx).get(projectId);
  if (!s) throw new VssError('NOT_FOUND', `no open project with id "${projectId}"`);
  return s;
}

/** Re-reads the stem map after the video was (re)opened. */
export function refreshStems(ctx: WorkspaceContext, s: ProjectSession): void {
  s.stems = stemMapFor(s.open.videoId ? (ctx.video.get(s.open.videoId) ?? null) : null);
}

/** The contract view of an open project. */
export async function projectState(ctx: WorkspaceContext, projectId: string): Promise<ProjectState> {
  const s = sessionOf(ctx, projectId);
  const p = s.open.project;
  const video = s.open.videoId ? (ctx.video.get(s.open.videoId) ?? null) : null;
  const frameCount = video?.frameCount ?? 0;
  const tracks = await trackInfos(ctx, s.open);
  const data = p.data;
  const perTrack = (m: Record<string, string[]>): Record<string, number[]> =>
    Object.fromEntries(Object.entries(m).map(([k, v]) => [k, stemsToIndices(s.stems, v)]));
  return {
    id: projectId,
    dir: p.dir,
    name: p.dir.split(/[\\/]/).pop() ?? p.dir,
    video,
    videoPath: p.videoPath,
    videoMissing: p.videoMissing || !video,
    classes: p.classes,
    ignoreIndex: p.ignoreIndex,
    tracks,
    view: structuredClone(s.view),
    playhead: frameCount > 0 ? Math.min(data.playhead, frameCount - 1) : data.playhead,
    corrections: perTrack(data.corrections),
    locked: perTrack(data.lockedFrames),
    history: s.history,
  };
}

/** Emits project.changed with the current state (errors are ignored: a closed project). */
export async function emitChanged(ctx: WorkspaceContext, projectId: string): Promise<void> {
  try {
    ctx.emit('project.changed', { projectId, state: await projectState(ctx, projectId) });
  } catch {
    // closed meanwhile
  }
}

/** Saves everything pending in every open project (on shutdown). */
export async function flushAllProjects(ctx: WorkspaceContext): Promise<void> {
  await Promise.all([...sessionsOf(ctx).values()].map((s) => s.autosaver.flush().catch(() => undefined)));
}
