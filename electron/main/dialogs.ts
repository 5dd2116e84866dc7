/** Native open dialogs (video file, frames folder, project folder). */
import { dialog, type BrowserWindow } from 'electron';

export const VIDEO_EXTENSIONS = ['mp4', 'mov', 'mkv', 'avi', 'webm', 'm4v', 'mts', 'ts', 'h264', 'hevc'];

export async function chooseVideo(win: BrowserWindow | undefined): Promise<string | null> {
  const opts: Electron.OpenDialogOptions = {
    title: 'Open video',
    properties: ['openFile'],
    filters: [
      { name: 'Videos', extensions: VIDEO_EXTENSIONS },
      { name: 'All files', extensions: ['*'] },
    ],
  };
  const r = win ? await dialog.showOpenDialog(win, opts) : await dialog.showOpenDialog(opts);
  return r.canceled ? null : (r.filePaths[0] ?? null);
}

async function chooseDirectory(win: BrowserWindow | undefined, title: string, defaultPath?: string): Promise<string | null> {
  const opts: Electron.OpenDialogOptions = { title, properties: ['openDirectory'], ...(defaultPath ? { defaultPath } : {}) };
  const r = win ? await dialog.showOpenDialog(win, opts) : await dialog.showOpenDialog(opts);
  return r.canceled ? null : (r.filePaths[0] ?? null);
}

export const chooseFramesFolder = (win: BrowserWindow | undefined): Promise<string | null> => chooseDirectory(win, 'Open a folder of frames');

/** A project folder; the dialog starts in the data folder's projects/, where automatic projects live. */
export const chooseProjectFolder = (win: BrowserWindow | undefined, projectsDir: string): Promise<string | null> => chooseDirectory(win, 'Open a project folder', projectsDir);
