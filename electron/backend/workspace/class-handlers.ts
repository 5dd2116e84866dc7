/**
 * The class list and the frame rate of an open project: project.setClasses, track.setClassMap and
 * project.setFrameRate. Each is checked, written into project.json at once and answered with the
 * new ProjectState, which open pages also get as project.changed.
 */
import type { ProjectState } from '../../shared/contract.ts';
import { VssError } from '../../core/errors.ts';
import type { HandlerGroup } from '../handlers.ts';
import { setClasses, setFrameRate, setTrackClassMap } from '../project/index.ts';
import { projectState } from './project-session.ts';
import type { Workspace } from './workspace.ts';

export type ClassRequestName = 'project.setClasses' | 'project.setFrameRate' | 'track.setClassMap';

async function changed(ws: Workspace, projectId: string): Promise<ProjectState> {
  const state = await projectState(ws, projectId);
  ws.emit('project.changed', { projectId, state });
  return state;
}

/** Shows the project's frames folder at `fps` and records it in the project. */
export async function setProjectFrameRate(ws: Workspace, projectId: string, fps: number): Promise<ProjectState> {
  const s = ws.session(projectId);
  const video = ws.videoOf(s, "the project's video is missing; relocate it before setting its frame rate");
  if (video.kind !== 'frames') throw new VssError('BAD_REQUEST', `the frame rate of a video file is its own (${video.fps} fps); only a folder of frames takes one`);
  await ws.openVideo(video.path, { fps });
  await setFrameRate(s.open.project, fps);
  return changed(ws, projectId);
}

export function createClassHandlers(ws: Workspace): HandlerGroup<ClassRequestName> {
  return {
    'project.setClasses': async ({ projectId, classes }) => {
      await setClasses(ws.session(projectId).open.project, classes);
      return changed(ws, projectId);
    },
    'track.setClassMap': async ({ projectId, trackId, classMap }) => {
      await setTrackClassMap(ws.session(projectId).open.project, trackId, classMap);
      return changed(ws, projectId);
    },
    'project.setFrameRate': ({ projectId, fps }) => setProjectFrameRate(ws, projectId, fps),
  };
}
