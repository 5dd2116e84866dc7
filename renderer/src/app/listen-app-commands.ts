/** The app's targets for the desktop menu commands (app-commands.ts), and the event subscription. */
import { client } from '../client/bridge.ts';
import { editing } from '../edit/editing.ts';
import { openExportDialog } from '../export/export-actions.ts';
import { openImportDialog } from '../import/import-actions.ts';
import { closeProject, openProjectDir } from '../project/project-actions.ts';
import { appStore } from '../store/index.ts';
import { runAppCommand, type CommandTargets } from './app-commands.ts';
import { isTyping } from './is-typing.ts';

const state = () => appStore.getState();

/** File › Close: the project (project.close), then the video (video.close ends its decoders); back to the start screen. */
async function closeAll(): Promise<void> {
  const video = state().video;
  await closeProject();
  state().setVideo(null);
  if (video) await client.call('video.close', { videoId: video.id }).catch(() => undefined);
}

export const appTargets: CommandTargets = {
  typing: () => isTyping(document.activeElement),
  // The editing commands of the focused field: what Electron's undo/redo roles run.
  textHistory: (step) => void document.execCommand(step),
  undo: () => editing.undo(),
  redo: () => editing.redo(),
  openImport: () => {
    if (state().project) openImportDialog();
  },
  openExport: () => {
    if (state().project) openExportDialog();
    else state().notify('info', 'Open a video or project to export its labels');
  },
  close: () => void closeAll(),
  openProject: (dir) => void openProjectDir(dir),
  // Help › Keyboard Shortcuts (F1) opens the same sheet as `?`.
  showShortcuts: () => state().setSheetOpen(true),
};

export function listenAppCommands(): () => void {
  return client.on('app.command', (c) => runAppCommand(c, appTargets));
}
