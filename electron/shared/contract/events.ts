/** Every event the backend pushes to the renderer (not validated: the backend is the source). */
import type { ProgressInfo, ProjectState, RunFrame, TrackInfo } from './domain.ts';

export interface Events {
  /** A command-line or menu action asks the UI to open a path. */
  'app.openPath': { path: string };
  /** Something worth a toast. */
  'app.notice': { level: 'info' | 'warning' | 'error'; message: string };
  /** A desktop menu command for the page (electron/main/menu.ts; renderer/src/app/app-commands.ts). */
  'app.command': { command: 'export' | 'import' | 'close' | 'undo' | 'redo' | 'shortcuts' } | { command: 'openProject'; dir: string };
  /** Engine run progress; labels for frames < framesDone can be fetched. */
  'engine.progress': ProgressInfo & {
    runId: string;
    projectId: string;
    trackId: string;
    /** Frames finished since the previous event, and earlier ones whose TC became known (merge by index: electron/shared/run-frames.ts). */
    frames: RunFrame[];
  };
  /** Engine run ended (ok, failed or cancelled); the track's final state. */
  'engine.done': { runId: string; projectId: string; trackId: string; status: 'done' | 'failed' | 'cancelled'; message: string; track: TrackInfo | null };
  'export.progress': ProgressInfo & { jobId: string };
  'export.done': { jobId: string; status: 'done' | 'failed' | 'cancelled'; message: string; out: string };
  'import.progress': ProgressInfo & { jobId: string };
  /** An import ended; trackId: the new or corrected track (null when it failed before knowing it). */
  'import.done': { jobId: string; projectId: string; status: 'done' | 'failed' | 'cancelled'; message: string; trackId: string | null; imported: number };
  /** The project changed on the backend side (e.g. autosave, a run imported frames). */
  'project.changed': { projectId: string; state: ProjectState };
}
export type EventName = keyof Events;
