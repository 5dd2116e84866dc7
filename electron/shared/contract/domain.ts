/**
 * Domain types of the contract: what the backend reports about videos, projects, tracks, models
 * and runs. Engine modes and settings come from the engine settings table (core/engine-settings.ts);
 * the project view is a schema because the renderer sends it back (project.setView).
 */
import { s, type Infer } from '../../core/schema.ts';
import { MAX_CLASSES, MAX_CLASS_NAME } from '../../core/class-list.ts';
import { FRAME_RATE_RANGE } from '../../core/frame-rate.ts';

export { ENGINE_MODES, type EngineMode, type EngineSettings } from '../../core/engine-settings.ts';

export type SourceKind = 'video' | 'frames';

export interface VideoInfo {
  /** Opaque id of an opened source, used in every later call. */
  id: string;
  /** Absolute path of the file or folder. */
  path: string;
  kind: SourceKind;
  /** Display size (rotation applied). */
  width: number;
  height: number;
  /** Nominal frame rate (average for variable-frame-rate clips). */
  fps: number;
  /** Exact number of decodable frames. */
  frameCount: number;
  codec: string;
  durationSec: number;
  variableFrameRate: boolean;
  /** Rotation applied on display, degrees clockwise (0, 90, 180, 270). */
  rotation: number;
  /** Presentation time of each frame in seconds, from the first frame (length frameCount). */
  timestamps: number[];
  /** Frame names for a frames folder (file names), empty for a video. */
  frameNames: string[];
  /** Human-readable warnings, e.g. damaged frames. */
  warnings: string[];
  /** Indices of frames that could not be decoded cleanly. */
  badFrames: number[];
}

export interface RecentItem {
  path: string;
  openedAt: string;
}

export interface AppInfo {
  version: string;
  transport: 'electron' | 'browser';
  /** Whether this host can run the engine, and a note saying why not or where models come from. */
  engine: { available: boolean; note: string };
  cacheLimitMB: number;
}

/** Raw frame bytes as the renderer receives them. */
export interface FrameData {
  index: number;
  width: number;
  height: number;
  /** Presentation time in seconds. */
  pts: number;
  /** RGBA, width*height*4 bytes. */
  rgba: Uint8ClampedArray;
}

/** A class of a project or a model (core/class-list.ts checks a whole list). */
export const classDefSchema = s.object({ id: s.int({ min: 0, max: 255 }), name: s.string({ maxLength: MAX_CLASS_NAME }), color: s.rgb() });
export type ClassDef = Infer<typeof classDefSchema>;
/** model class id → project class id or the void id (see core/class-list.ts for the semantics). */
export const classMapSchema = s.record(s.int({ min: 0, max: 255 }), { maxKeys: MAX_CLASSES });
export const frameRateSchema = s.number(FRAME_RATE_RANGE);

export const EXPORT_FORMAT_NAMES = ['labels', 'color', 'cityscapes', 'cvat', 'coco', 'video'] as const;
export type ExportFormatName = (typeof EXPORT_FORMAT_NAMES)[number];

export interface ModelInfo {
  /** Bundle folder (absolute). */
  dir: string;
  name: string;
  form: 'single' | 'split';
  classes: ClassDef[];
  ignoreIndex: number | null;
  isDefault: boolean;
}

export interface TrackInfo {
  id: string;
  name: string;
  kind: 'engine' | 'corrected';
  mode: string;
  status: 'running' | 'done' | 'failed' | 'cancelled';
  /** Frames with labels so far (equals frameCount when done). */
  framesDone: number;
  keyFrames: number[];
  /** Per frame: TC to the previous frame (null for frame 0 or unknown). */
  tc: (number | null)[];
  /** Mean TC, null while unknown. */
  tcMean: number | null;
  settings: Record<string, unknown>;
  createdAt: string;
  /** The classes of the model that made the track (null when not recorded, e.g. an imported run). */
  modelClasses: ClassDef[] | null;
  /** How its model's classes map onto the project's (empty: as they are). */
  classMap: Record<string, number>;
}

export const projectViewSchema = s.object({
  overlays: s.object({ mask: s.boolean(), flow: s.boolean(), flowArrows: s.boolean(), diff: s.boolean(), flicker: s.boolean(), confidence: s.boolean() }),
  opacity: s.number({ min: 0, max: 1 }),
  hiddenClasses: s.array(s.int({ min: 0, max: 255 }), { maxLength: 256 }),
  zoom: s.number({ min: 0.01, max: 64 }),
  panX: s.number(),
  panY: s.number(),
  /** Track shown in the main view and the one compared against (null = none). */
  trackId: s.nullable(s.id()),
  compareTrackId: s.nullable(s.id()),
  compareMode: s.oneOf(['off', 'side-by-side', 'swipe', 'diff']),
});
export type ProjectView = Infer<typeof projectViewSchema>;

export interface ProjectState {
  id: string;
  dir: string;
  name: string;
  /** null while the video is missing (see videoMissing). */
  video: VideoInfo | null;
  videoPath: string;
  /** The video is not where the project expects it: offer to relocate it. */
  videoMissing: boolean;
  /** The frame rate set for a frames folder (null: a video file, or the default). */
  frameRate: number | null;
  classes: ClassDef[];
  ignoreIndex: number;
  tracks: TrackInfo[];
  view: ProjectView;
  playhead: number;
  /** Per track: frame indices with corrections (shown as timeline markers, locked). */
  corrections: Record<string, number[]>;
  /** Per track: frame indices locked against later engine runs. */
  locked: Record<string, number[]>;
}

export interface RecentProject {
  dir: string;
  name: string;
  openedAt: string;
}

export interface ProgressInfo {
  done: number;
  total: number;
  fps: number;
  etaSec: number;
}

/**
 * A frame of a running engine job: whether it is a key frame and its TC to the previous frame
 * (null until known: TC needs the next frame's flow, so a frame is sent again once it is).
 */
export interface RunFrame {
  index: number;
  key: boolean;
  tcPrev: number | null;
}
