/**
 * Handlers for project requests (open/create/close, the automatic per-video project, recent
 * projects, relocating a moved video, view + playhead, undo history). Edit and export requests
 * come from edit-handlers.ts and export-handlers.ts.
 */
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import type { ProjectState, VideoInfo } from '../../shared/contract.ts';
import type { HandlerGroup } from '../handlers.ts';
import { VssError } from '../../core/errors.ts';
import { Autosaver, createProject, openProject, isProjectDir, addRecentProject, listRecentProjects, type Project } from '../project/index.ts';
import type { WorkspaceContext } from './context.ts';
import { defaultModelDir } from './engine-models.ts';
import { autoProjectDir, modelClasses } from './project-home.ts';
import { emitChanged, projectState, refreshStems, sessionOf, sessionsOf, type ProjectSession } from './project-session.ts';
import { stemMapFor } from '../../core/frame-stems.ts';
import { loadView, saveView, toViewSettings } from './project-view.ts';
import { createEditHandlers } from './edit-handlers.ts';
import { createExportHandlers } from './export-handlers.ts';

export type ProjectRequestName =
  | 'project.create'
  | 'project.open'
  | 'project.forVideo'
  | 'project.close'
  | 'project.recent'
  | 'project.relocateVideo'
  | 'project.setView'
  | 'project.saveHistory'
  | 'edit.apply'
  | 'edit.propagatePreview'
  | 'frame.lock'
  | 'export.start'
  | 'export.cancel';

/** Opens a video in the VideoService (reusing an open one with the same path). */
async function openVideo(ctx: WorkspaceContext, path: string): Promise<VideoInfo> {
  const abs = resolve(path);
  return ctx.video.list().find((v) => v.path === abs) ?? (await ctx.video.open(abs));
}

export function createProjectHandlers(ctx: WorkspaceContext): HandlerGroup<ProjectRequestName> {
  const sessions = sessionsOf(ctx);
  const recentFile = join(ctx.dataDir, 'recent-projects.json');

  async function register(project: Project): Promise<ProjectState> {
    const existing = [...sessions.values()].find((s) => s.open.project.dir === project.dir);
    if (existing) return projectState(ctx, existing.open.id);
    let videoId: string | null = null;
    if (!project.videoMissing) {
      try {
        videoId = (await openVideo(ctx, project.videoPath)).id;
      } catch (e) {
        project.videoMissing = true;
        project.videoProblem = `the video at ${project.videoPath} cannot be opened: ${e instanceof Error ? e.message : String(e)}`;
      }
    }
    const id = `p${randomBytes(5).toString('hex')}`;
    const history = await project.loadHistory();
    const view = await loadView(project.dir, project.data.view);
    const holder: { s?: ProjectSession } = {};
    const autosaver = new Autosaver(async () => {
      const s = holder.s!;
      if (s.viewDirty) {
        s.viewDirty = false;
        await saveView(project.dir, s.view);
      }
      await project.flush();
    }, { onError: (e) => ctx.emit('app.notice', { level: 'error', message: e instanceof Error ? e.message : String(e) }) });
    const session: ProjectSession = { open: { id, project, videoId }, autosaver, view, viewDirty: false, history: history ? JSON.stringify(history) : null, stems: stemMapFor(null) };
    holder.s = session;
    project.onDirty = () => session.autosaver.touch();
    refreshStems(ctx, session);
    sessions.set(id, session);
    ctx.projects.set(id, session.open);
    await addRecentProject(project.dir, recentFile).catch(() => undefined);
    if (project.videoMissing && project.videoProblem) ctx.emit('app.notice', { level: 'warning', message: project.videoProblem });
    return projectState(ctx, id);
  }

  async function create(dir: string, videoPath: string, model?: string): Promise<ProjectState> {
    const video = await openVideo(ctx, videoPath);
    // The desktop bundle passes its models folder: the source-relative default does not hold there.
    const { classes, ignoreIndex } = await modelClasses(model ?? (ctx.modelsDir ? defaultModelDir(ctx.modelsDir) : undefined));
    const project = await createProject(dir, { videoPath: video.path, classes, ignoreIndex, frameCount: video.frameCount });
    return register(project);
  }

  async function close(projectId: string): Promise<boolean> {
    const s = sessions.get(projectId);
    if (!s) return false;
    sessions.delete(projectId);
    ctx.projects.delete(projectId);
    s.open.project.onDirty = null;
    await s.autosaver.dispose();
    return true;
  }

  return {
    'project.create': ({ dir, videoPath, model }) => create(dir, videoPath, model),
    'project.open': async ({ dir }) => register(await openProject(dir)),
    'project.forVideo': async ({ videoPath, model }) => {
      const dir = autoProjectDir(ctx.dataDir, videoPath);
      if (await isProjectDir(dir)) return register(await openProject(dir));
      return create(dir, videoPath, model);
    },
    'project.close': async ({ projectId }) => ({ closed: await close(projectId) }),
    'project.recent': async () => ({
      items: (await listRecentProjects(recentFile)).map((r) => ({ dir: r.path, name: r.name, openedAt: r.openedAt })),
    }),
    'project.relocateVideo': async ({ projectId, videoPath }) => {
      const s = sessionOf(ctx, projectId);
      let video: VideoInfo;
      try {
        video = await openVideo(ctx, videoPath);
      } catch (e) {
        throw new VssError('NOT_FOUND', `cannot open ${videoPath}: ${e instanceof Error ? e.message : String(e)}`);
      }
      await s.open.project.relocateVideo(video.path, { frameCount: video.frameCount });
      s.open.videoId = video.id;
      refreshStems(ctx, s);
      const state = await projectState(ctx, projectId);
      ctx.emit('project.changed', { projectId, state });
      return state;
    },
    'project.setView': async ({ projectId, view, playhead }) => {
      const s = sessionOf(ctx, projectId);
      s.view = view;
      s.viewDirty = true;
      s.open.project.setView(toViewSettings(view));
      s.open.project.setPlayhead(playhead);
      return { ok: true };
    },
    'project.saveHistory': async ({ projectId, history }) => {
      const s = sessionOf(ctx, projectId);
      let parsed: unknown;
      try {
        parsed = JSON.parse(history);
      } catch {
        throw new VssError('BAD_REQUEST', 'history is not valid JSON');
      }
      const o = parsed as { version?: unknown; undo?: unknown; redo?: unknown };
      if (typeof parsed !== 'object' || parsed === null || o.version !== 1 || !Array.isArray(o.undo) || !Array.isArray(o.redo)) {
        throw new VssError('BAD_REQUEST', 'history must be a serialized edit history (version 1)');
      }
      s.history = history;
      s.open.project.stageHistory(() => parsed as Parameters<Project['saveHistory']>[0]);
      return { ok: true };
    },
    ...createEditHandlers(ctx),
    ...createExportHandlers(ctx),
  };
}

export { emitChanged, projectState };
