/** Native open dialogs (video file or frames folder). */
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

export async function chooseFramesFolder(win: BrowserWindow | undefined): Promise<string | null> {
  const opts: Electron.OpenDialogOptions = { title: 'Open a folder of frames', properties: ['openDirectory'] };
  const r = win ? await dialog.showOpenDialog(win, opts) : await dialog.showOpenDialog(opts);
  return r.canceled ? null : (r.filePaths[0] ?? null);
}
