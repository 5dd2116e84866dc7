/**
 * The project.* handler table: open/create/close, the automatic per-video project, recent
 * projects, relocating a moved video, view + playhead, undo history. Sessions live in the
 * Workspace (workspace.ts).
 */
import type { ProjectState, VideoInfo } from '../../shared/contract.ts';
import type { HandlerGroup } from '../handlers.ts';
import { VssError } from '../../core/errors.ts';
import { createProject, openProject, listRecentProjects, type CreateProjectOptions } from '../project/index.ts';
import { defaultModelDir } from './engine-models.ts';
import { assertProjectUnlocked } from '../project/lock.ts';
import { autoProject, autoProjectDir, modelClasses } from './project-home.ts';
import { projectState, refreshStems } from './project-session.ts';
import { setProjectFrameRate } from './class-handlers.ts';
import { toViewSettings } from './project-view.ts';
import type { Workspace } from './workspace.ts';

export type ProjectRequestName =
  | 'project.create'
  | 'project.open'
  | 'project.forVideo'
  | 'project.close'
  | 'project.recent'
  | 'project.relocateVideo'
  | 'project.setView'
  | 'project.history';

/** What a new project of a video gets: the probed video, the model bundle's classes and (frames folder) its fps. */
async function creation(ws: Workspace, videoPath: string, model?: string, fps?: number): Promise<CreateProjectOptions> {
  const video = await ws.openVideo(videoPath, { fps });
  // The desktop bundle passes its models folder: the source-relative default does not hold there.
  const { classes, ignoreIndex } = await modelClasses(model ?? (ws.modelsDir ? defaultModelDir(ws.modelsDir) : undefined));
  return { videoPath: video.path, classes, ignoreIndex, frameCount: video.frameCount, ...(fps === undefined ? {} : { fps }) };
}

/** Creates a project for a video (classes from the model bundle; fps: a frames folder's rate) and opens its session. */
async function create(ws: Workspace, dir: string, videoPath: string, model?: string, fps?: number): Promise<ProjectState> {
  return ws.register(await createProject(dir, await creation(ws, videoPath, model, fps)));
}

/** The automatic project of a video (created the first time); fps sets a frames folder's frame rate. */
export async function projectForVideo(ws: Workspace, videoPath: string, model?: string, fps?: number): Promise<ProjectState> {
  await assertProjectUnlocked(autoProjectDir(ws.dataDir, videoPath), 'app');
  const { project, created } = await autoProject(ws.dataDir, videoPath, () => creation(ws, videoPath, model, fps));
  const state = await ws.register(project);
  return created || fps === undefined ? state : setProjectFrameRate(ws, state.id, fps);
}

export function createProjectHandlers(ws: Workspace): HandlerGroup<ProjectRequestName> {
  return {
    'project.create': ({ dir, videoPath, model }) => create(ws, dir, videoPath, model),
    // Checked before opening too: opening sweeps temp files, which another process may be writing.
    'project.open': async ({ dir }) => {
      await assertProjectUnlocked(dir, 'app');
      return ws.register(await openProject(dir));
    },
    'project.forVideo': ({ videoPath, model, fps }) => projectForVideo(ws, videoPath, model, fps),
    'project.close': async ({ projectId }) => ({ closed: await ws.closeProject(projectId) }),
    'project.recent': async () => ({
      items: (await listRecentProjects(ws.recentProjectsFile)).map((r) => ({ dir: r.path, name: r.name, openedAt: r.openedAt })),
    }),
    'project.relocateVideo': async ({ projectId, videoPath }) => {
      const s = ws.session(projectId);
      let video: VideoInfo;
      try {
        video = await ws.openVideo(videoPath);
      } catch (e) {
        throw new VssError('NOT_FOUND', `cannot open ${videoPath}: ${e instanceof Error ? e.message : String(e)}`);
      }
      await s.open.project.relocateVideo(video.path, { frameCount: video.frameCount });
      s.open.videoId = video.id;
      refreshStems(ws, s);
      const state = await projectState(ws, projectId);
      ws.emit('project.changed', { projectId, state });
      return state;
    },
    'project.setView': async ({ projectId, view, playhead }) => {
      const s = ws.session(projectId);
      s.view = view;
      s.viewDirty = true;
      s.open.project.setView(toViewSettings(view));
      s.open.project.setPlayhead(playhead);
      return { ok: true };
    },
    'project.history': async ({ projectId }) => ({ history: ws.session(projectId).history.steps() }),
  };
}
