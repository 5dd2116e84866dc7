/**
 * What the UI does with projects: the automatic project of an opened video, opening a recent
 * project, relocating a moved video, closing. Errors become one-line status messages.
 */
import type { ProjectState } from '../../../electron/shared/contract.ts';
import { client } from '../client/bridge.ts';
import { outbox } from '../client/connection.ts';
import { appStore } from '../store/index.ts';
import { viewerPatch } from './view-state.ts';

const state = () => appStore.getState();
const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The shown video re-timed by its project (a frames folder's frame rate): take the new timing, keep the playhead. */
export function adoptRetimedVideo(p: ProjectState): void {
  const v = state().video;
  if (p.video && v?.id === p.video.id && v.fps !== p.video.fps) appStore.setState({ video: p.video });
}

/** Shows a project: its video, the restored view and playhead. */
export function showProject(p: ProjectState): void {
  const s = state();
  s.setProject(p); // first: the video subscription must see this project's video path
  if (p.video && s.video?.id !== p.video.id) s.setVideo(p.video);
  else adoptRetimedVideo(p);
  if (!p.video) s.setVideo(null);
  appStore.setState(viewerPatch(p.view));
  if (p.video) s.seek(p.playhead);
}

async function run(what: string, f: () => Promise<ProjectState>): Promise<ProjectState | null> {
  state().setProjectBusy(true);
  try {
    await outbox.idle(); // edits a previous page left queued reach their project first
    const p = await f();
    showProject(p);
    if (p.videoMissing) state().notify('warning', `The video of project ${p.name} is missing (${p.videoPath}): choose its new location`);
    void refreshRecentProjects();
    return p;
  } catch (e) {
    state().notify('error', `${what}: ${message(e)}`);
    return null;
  } finally {
    state().setProjectBusy(false);
  }
}

export async function refreshRecentProjects(): Promise<void> {
  try {
    state().setRecentProjects((await client.call('project.recent', {})).items);
  } catch {
    // a convenience list; never block on it
  }
}

const inflight = new Map<string, Promise<ProjectState | null>>();

/**
 * Opens the automatic project of a video (one request per path at a time) and then closes the
 * project shown before, so the backend stops its decoders and autosaver.
 */
export function openProjectForVideo(videoPath: string, fps?: number): Promise<ProjectState | null> {
  const pending = inflight.get(videoPath);
  if (pending) return pending;
  const before = state().project;
  const p = run('Cannot open the project of this video', () => client.call('project.forVideo', { videoPath, ...(fps === undefined ? {} : { fps }) }))
    .then(async (opened) => {
      if (opened && before && before.id !== opened.id) await closeProject(before);
      return opened;
    })
    .finally(() => inflight.delete(videoPath));
  inflight.set(videoPath, p);
  return p;
}
export const openProjectDir = (dir: string) => run(`Cannot open the project ${dir}`, () => client.call('project.open', { dir }));

export async function relocateVideo(videoPath: string): Promise<boolean> {
  const p = state().project;
  if (!p || !videoPath.trim()) return false;
  return (await run('Cannot relocate the video', () => client.call('project.relocateVideo', { projectId: p.id, videoPath: videoPath.trim() }))) !== null;
}

/** Closes a project in the backend (default: the one shown, which the UI then forgets). */
export async function closeProject(p: ProjectState | null = state().project): Promise<void> {
  if (!p) return;
  if (state().project?.id === p.id) state().setProject(null);
  await client.call('project.close', { projectId: p.id }).catch(() => undefined);
}
