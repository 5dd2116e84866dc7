/**
 * Per open project: the project, its autosaver, the UI view (view.json), its undo history
 * (history.log, with the queue that keeps its edit requests in order) and the stem map. The Workspace (workspace.ts) holds the sessions; every handler
 * builds the contract ProjectState with projectState(ws, id).
 */
import type { ProjectState, ProjectView } from '../../shared/contract.ts';
import type { Autosaver } from '../project/autosave.ts';
import type { Project, ProjectHistory } from '../project/index.ts';
import { stemMapFor, stemsToIndices, type StemMap } from '../../core/frame-stems.ts';
import { trackInfos } from './track-info.ts';
import type { Workspace } from './workspace.ts';

export interface OpenProject {
  id: string;
  project: Project;
  /** Id of the project's video in the VideoService; null while the video is missing. */
  videoId: string | null;
}

export interface ProjectSession {
  open: OpenProject;
  autosaver: Autosaver;
  view: ProjectView;
  viewDirty: boolean;
  history: ProjectHistory;
  /** Edit requests run one after another (each one's log record, then its labels). */
  edits: Promise<unknown>;
  stems: StemMap;
}

/** Re-reads the stem map after the video was (re)opened. */
export function refreshStems(ws: Workspace, s: ProjectSession): void {
  s.stems = stemMapFor(s.open.videoId ? (ws.video.get(s.open.videoId) ?? null) : null);
}

/** The contract view of an open project. */
export async function projectState(ws: Workspace, projectId: string): Promise<ProjectState> {
  const s = ws.session(projectId);
  const p = s.open.project;
  const video = s.open.videoId ? (ws.video.get(s.open.videoId) ?? null) : null;
  const frameCount = video?.frameCount ?? 0;
  const tracks = await trackInfos(ws, s.open);
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
    frameRate: p.frameRate ?? null,
    classes: p.classes,
    ignoreIndex: p.ignoreIndex,
    tracks,
    view: structuredClone(s.view),
    playhead: frameCount > 0 ? Math.min(data.playhead, frameCount - 1) : data.playhead,
    corrections: perTrack(data.corrections),
    locked: perTrack(data.lockedFrames),
  };
}

/** Emits project.changed with the current state (errors are ignored: a closed project). */
export async function emitChanged(ws: Workspace, projectId: string): Promise<void> {
  try {
    ws.emit('project.changed', { projectId, state: await projectState(ws, projectId) });
  } catch {
    // closed meanwhile
  }
}
