/**
 * The project folder, a thing a user can read and put under version control:
 *   project.json                         this file's ProjectFile
 *   tracks/<trackId>/labels/<stem>.png   engine labels (8-bit class ids), copied or moved from a run
 *   tracks/<trackId>/confidence/<stem>.png, tracks/<trackId>/summary.json
 *   corrections/<trackId>/<stem>.png     full corrected label map of each corrected frame
 *   history.log                          the undo history, one appended record per step, undo or
 *                                        redo (history-log.ts); history.json of older versions
 *                                        is read once and replaced by it
 */

export const PROJECT_FORMAT = 'vss-project';
export const PROJECT_VERSION = 1;

export type { ClassEntry as ClassInfo } from '../../core/class-list.ts';
import type { ClassEntry as ClassInfo, ClassMap } from '../../core/class-list.ts';

export interface VideoFingerprint {
  size: number;
  mtimeMs: number;
  /** Exact decodable frame count when known (null if the caller did not probe). */
  frameCount: number | null;
}

export interface VideoRef {
  /** Absolute path when the project was last saved. */
  path: string;
  /** Same file relative to the project folder (used when project and video move together). */
  relativePath: string;
  fingerprint: VideoFingerprint;
  /** Frames folders only: the frame rate set by the user (absent: the default, 30 fps). */
  fps?: number;
}

export type TrackKind = 'engine' | 'corrected';

export interface Track {
  id: string;
  name: string;
  kind: TrackKind;
  /** Engine run folder the track came from, relative to the project folder. */
  source: string;
  /** Engine mode from the run's summary.json (e.g. "keyframe", "every-frame"), or "unknown". */
  mode: string;
  settings: Record<string, unknown>;
  keyFrames: number[];
  createdAt: string;
  /** The classes of the model that made it (absent when unknown, e.g. an imported run). */
  modelClasses?: ClassInfo[];
  /** Its model's class ids → project class ids (core/class-list.ts); absent entries keep their id. */
  classMap?: ClassMap;
}

export interface ViewSettings {
  overlay: { labels: boolean; confidence: boolean; flicker: boolean };
  /** Label overlay opacity, 0..1. */
  opacity: number;
  hiddenClasses: number[];
  zoom: number;
}

export interface ProjectFile {
  format: typeof PROJECT_FORMAT;
  version: number;
  createdAt: string;
  updatedAt: string;
  video: VideoRef;
  classes: ClassInfo[];
  /** Void class id (the model's ignoreIndex). */
  ignoreIndex: number;
  tracks: Track[];
  view: ViewSettings;
  /** Frame index of the playhead. */
  playhead: number;
  /** Per track: stems locked against being overwritten by later engine runs. */
  lockedFrames: Record<string, string[]>;
  /** Per track: stems that have a corrections/<trackId>/<stem>.png. */
  corrections: Record<string, string[]>;
}

export const DEFAULT_VIEW: ViewSettings = {
  overlay: { labels: true, confidence: false, flicker: false },
  opacity: 0.5,
  hiddenClasses: [],
  zoom: 1,
};
