/**
 * Desktop menu commands (the 'app.command' event from electron/main/menu.ts): File › Open
 * Project…, Import Labels…, Export…, Close; Edit › Undo/Redo; Help › Keyboard Shortcuts. Undo and Redo act on
 * the text of a focused text field (as the standard Edit roles would), else on the mask history.
 */
import type { Events } from '../../../electron/shared/contract.ts';

export type AppCommand = Events['app.command'];

/** What the commands act on (the app's own in listen-app-commands.ts; fakes in the unit test). */
export interface CommandTargets {
  /** A text field has the focus. */
  typing(): boolean;
  /** Undo or redo the focused text field's own editing. */
  textHistory(step: 'undo' | 'redo'): void;
  undo(): void;
  redo(): void;
  openExport(): void;
  openImport(): void;
  close(): void;
  openProject(dir: string): void;
  showShortcuts(): void;
}

export function runAppCommand(c: AppCommand, t: CommandTargets): void {
  switch (c.command) {
    case 'undo':
    case 'redo':
      if (t.typing()) t.textHistory(c.command);
      else if (c.command === 'undo') t.undo();
      else t.redo();
      return;
    case 'export':
      return t.openExport();
    case 'import':
      return t.openImport();
    case 'close':
      return t.close();
    case 'openProject':
      return t.openProject(c.dir);
    case 'shortcuts':
      return t.showShortcuts();
  }
}
