/** What the UI does with the backend: open, recent list, start-up. Errors become one-line messages. */
import { client } from '../client/bridge.ts';
import { appStore } from '../store/index.ts';
import { listenAppCommands } from './listen-app-commands.ts';
import { openProjectForVideo } from '../project/project-actions.ts';

const state = () => appStore.getState();
const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export async function refreshRecent(): Promise<void> {
  try {
    state().setRecent((await client.call('recent.list', {})).items);
  } catch {
    // the recent list is a convenience; never block on it
  }
}

/** Opens a video file or a frames folder; fps: the folder's frame rate (kept in its project). */
export async function openPath(path: string, fps?: number): Promise<boolean> {
  const trimmed = path.trim();
  if (!trimmed) {
    state().notify('warning', 'Type the path of a video file or a folder of frames');
    return false;
  }
  state().setOpening(true);
  try {
    const info = await client.call('video.open', { path: trimmed, ...(fps === undefined ? {} : { fps }) });
    // Asked first, so that the project request setVideo leads to is this one, carrying the rate.
    if (fps !== undefined) void openProjectForVideo(info.path, fps);
    state().setVideo(info);
    if (info.warnings.length > 0) state().notify('warning', info.warnings[0]!);
    else state().clearStatus();
    void refreshRecent();
    return true;
  } catch (e) {
    state().notify('error', `Cannot open ${trimmed}: ${message(e)}`);
    return false;
  } finally {
    state().setOpening(false);
  }
}

/** The desktop app's native open dialog; fps as in openPath (the toolbar's fps field). */
export async function browse(fps?: number): Promise<void> {
  try {
    const { path } = await client.call('app.openDialog', {});
    if (path) await openPath(path, fps);
  } catch (e) {
    state().notify('error', message(e));
  }
}

export function openDroppedFile(file: File): void {
  const path = window.vss?.pathForFile?.(file);
  if (path) {
    void openPath(path);
    return;
  }
  state().notify('warning', 'The browser cannot see local paths of dropped files; type or paste the path into the Open field instead');
}

/** Start-up: show what the host already opened (vss serve <path>) and listen for open requests. */
export async function startApp(): Promise<void> {
  client.on('app.openPath', ({ path }) => void openPath(path));
  client.on('app.notice', ({ level, message: text }) => state().notify(level, text));
  listenAppCommands();
  void refreshRecent();
  try {
    const { videos } = await client.call('video.list', {});
    const last = videos[videos.length - 1];
    if (last && !state().video) state().setVideo(last);
  } catch (e) {
    state().notify('error', message(e));
  }
}
