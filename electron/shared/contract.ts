/**
 * The one contract between the renderer and the backend. Every request, its response and every
 * event are declared here as types, and every request's argument has a runtime validator here
 * too. The Electron IPC handlers, the preload bridge, the browser review host (WebSocket) and the
 * renderer's client are all typed from this module: add a call here and the compiler finds the rest.
 *
 * Pixels do not travel over the request channel. They are fetched as binary resources:
 *   Electron:      vss-frame://<kind>/<...>        review host: /api/<kind>/<...>?token=<token>
 *   frames/<videoId>/<index>                      raw RGBA of a video frame
 *   labels/<projectId>/<trackId>/<index>          raw class ids (1 byte/pixel); corrected labels
 *                                                 unless ?raw=1 (x-frame-corrected: 1|0)
 *   confidence/<projectId>/<trackId>/<index>      raw confidence 0..255 (1 byte/pixel)
 *   flow/<videoId>/<index>                        float32 interleaved (dx,dy) flow from index to
 *                                                 index+1 at reduced size (x-flow-scale = frame/flow)
 * with response headers described by FRAME_HEADERS (width/height of the returned grid).
 */
import {
  expectArray,
  expectId as id,
  expectBoolean,
  expectInt,
  expectNumber,
  expectObject,
  expectOneOf,
  expectOptional,
  expectString,
  type Validator,
} from './validate.ts';
import { checkEditSize, MAX_DIFF_CHARS, validateEditStep, type EditStep } from './edit-wire.ts';

export type { EditStep } from './edit-wire.ts';

import type { WireError } from '../core/errors.ts';

export type { ErrorCode, WireError } from '../core/errors.ts';

// ---------------------------------------------------------------- domain types

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
  /** Where the engine will run; filled by the engine work. */
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

export const FRAME_HEADERS = {
  width: 'x-frame-width',
  height: 'x-frame-height',
  index: 'x-frame-index',
  pts: 'x-frame-pts',
  corrected: 'x-frame-corrected',
  flowScale: 'x-flow-scale',
} as const;

export const RESOURCE_KINDS = ['frames', 'labels', 'confidence', 'flow'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

// ---------------------------------------------------------------- workspace (projects, tracks, runs, edits, export)

export interface ClassDef {
  id: number;
  name: string;
  color: [number, number, number];
}

export type EngineMode = 'per-frame' | 'dff' | 'adaptive' | 'fused';
export const ENGINE_MODES = ['per-frame', 'dff', 'adaptive', 'fused'] as const;
export const EXPORT_FORMAT_NAMES = ['labels', 'color', 'cityscapes', 'cvat', 'coco', 'video'] as const;
export type ExportFormatName = (typeof EXPORT_FORMAT_NAMES)[number];

/** Engine settings chosen in the run panel (all optional: engine defaults apply; meanings: ModeSettings in electron/engine/modes/types.ts). */
export interface EngineSettings {
  keyInterval?: number;
  targetInterval?: number;
  threshold?: number;
  maxInterval?: number;
  lowLatency?: boolean;
  fusion?: 'causal' | 'bidirectional';
  window?: number;
  fuseCurrent?: number;
  fusePrevious?: number;
  preset?: 'ultrafast' | 'fast' | 'medium';
  executionProvider?: 'cpu' | 'cuda' | 'dml' | 'coreml';
}

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
}

export interface ProjectView {
  overlays: { mask: boolean; flow: boolean; flowArrows: boolean; diff: boolean; flicker: boolean; confidence: boolean };
  opacity: number;
  hiddenClasses: number[];
  zoom: number;
  panX: number;
  panY: number;
  /** Track shown in the main view and the one compared against (null = none). */
  trackId: string | null;
  compareTrackId: string | null;
  compareMode: 'off' | 'side-by-side' | 'swipe' | 'diff';
}

export interface ProjectState {
  id: string;
  dir: string;
  name: string;
  /** null while the video is missing (see videoMissing). */
  video: VideoInfo | null;
  videoPath: string;
  /** The video is not where the project expects it: offer to relocate it. */
  videoMissing: boolean;
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

// ---------------------------------------------------------------- requests

export interface Requests {
  'app.info': { req: Record<string, never>; res: AppInfo };
  /** Native "open" dialog (desktop app only; the review host answers UNSUPPORTED). null = cancelled. */
  'app.openDialog': { req: Record<string, never>; res: { path: string | null } };
  'video.open': { req: { path: string }; res: VideoInfo };
  'video.close': { req: { videoId: string }; res: { closed: boolean } };
  'video.list': { req: Record<string, never>; res: { videos: VideoInfo[] } };
  'recent.list': { req: Record<string, never>; res: { items: RecentItem[] } };
  'recent.clear': { req: Record<string, never>; res: { items: RecentItem[] } };
  /** Tells the backend where the playhead is so it can prefetch around it. */
  'video.playhead': { req: { videoId: string; index: number; direction: 1 | -1 | 0 }; res: { ok: true } };

  // --- projects (workspace)
  'project.create': { req: { dir: string; videoPath: string; model?: string }; res: ProjectState };
  'project.open': { req: { dir: string }; res: ProjectState };
  /** Opens (or creates) the automatic project of a video: <VSS_HOME>/projects/<name>-<hash>. */
  'project.forVideo': { req: { videoPath: string; model?: string }; res: ProjectState };
  'project.close': { req: { projectId: string }; res: { closed: boolean } };
  'project.recent': { req: Record<string, never>; res: { items: RecentProject[] } };
  'project.relocateVideo': { req: { projectId: string; videoPath: string }; res: ProjectState };
  /** View settings and playhead; autosaved. */
  'project.setView': { req: { projectId: string; view: ProjectView; playhead: number }; res: { ok: true } };
  /** The saved undo history (electron/engine/edit's SerializedHistory as JSON), read once on open. */
  'project.history': { req: { projectId: string }; res: { history: string } };
  // --- models and engine runs
  'models.list': { req: Record<string, never>; res: { models: ModelInfo[] } };
  'engine.run': {
    req: { projectId: string; model?: string; mode: EngineMode; settings: EngineSettings; name?: string; overwriteLocked?: boolean };
    res: { runId: string; trackId: string };
  };
  'engine.cancel': { req: { runId: string }; res: { cancelled: boolean } };
  'track.rename': { req: { projectId: string; trackId: string; name: string }; res: { ok: true } };
  'track.delete': { req: { projectId: string; trackId: string }; res: { ok: true } };
  // --- edits: the renderer applies edits to labels it fetched and sends serialized diffs here
  'edit.apply': {
    req: { projectId: string; trackId: string; frames: { index: number; diff: string }[]; step?: EditStep };
    res: { corrections: number[] };
  };
  /** Propagate a correction made on `index` (serialized diff) along optical flow; nothing is applied. */
  'edit.propagatePreview': {
    req: { projectId: string; trackId: string; index: number; diff: string; forward: number; backward: number };
    res: { frames: { index: number; diff: string; changed: number }[] };
  };
  'frame.lock': { req: { projectId: string; trackId: string; index: number; locked: boolean }; res: { ok: true } };
  // --- export
  'export.start': {
    req: { projectId: string; trackId: string; corrected: boolean; format: ExportFormatName; out: string; from?: number; to?: number; overwrite?: boolean };
    res: { jobId: string };
  };
  'export.cancel': { req: { jobId: string }; res: { cancelled: boolean } };
}

export type RequestName = keyof Requests;
export type Req<K extends RequestName> = Requests[K]['req'];
export type Res<K extends RequestName> = Requests[K]['res'];

const empty: Validator<Record<string, never>> = (v, where) => {
  expectObject(v ?? {}, where);
  return {};
};

/** Runtime validators for every request argument. Both transports call these before use. */
export const requestValidators: { [K in RequestName]: Validator<Req<K>> } = {
  'app.info': empty,
  'app.openDialog': empty,
  'video.open': (v, w) => {
    const o = expectObject(v, w);
    return { path: expectString(o.path, `${w}.path`, { maxLength: 4096 }) };
  },
  'video.close': (v, w) => {
    const o = expectObject(v, w);
    return { videoId: expectString(o.videoId, `${w}.videoId`, { maxLength: 64 }) };
  },
  'video.list': empty,
  'recent.list': empty,
  'recent.clear': empty,
  'video.playhead': (v, w) => {
    const o = expectObject(v, w);
    return {
      videoId: expectString(o.videoId, `${w}.videoId`, { maxLength: 64 }),
      index: expectInt(o.index, `${w}.index`, { min: 0 }),
      direction: expectOneOf(o.direction, [1, -1, 0] as const, `${w}.direction`),
    };
  },

  'project.create': (v, w) => {
    const o = expectObject(v, w);
    return {
      dir: expectString(o.dir, `${w}.dir`, { maxLength: 4096 }),
      videoPath: expectString(o.videoPath, `${w}.videoPath`, { maxLength: 4096 }),
      model: expectOptional(o.model, `${w}.model`, (x, ww) => expectString(x, ww, { maxLength: 4096 })),
    };
  },
  'project.open': (v, w) => ({ dir: expectString(expectObject(v, w).dir, `${w}.dir`, { maxLength: 4096 }) }),
  'project.forVideo': (v, w) => {
    const o = expectObject(v, w);
    return {
      videoPath: expectString(o.videoPath, `${w}.videoPath`, { maxLength: 4096 }),
      model: expectOptional(o.model, `${w}.model`, (x, ww) => expectString(x, ww, { maxLength: 4096 })),
    };
  },
  'project.close': (v, w) => ({ projectId: id(expectObject(v, w).projectId, `${w}.projectId`) }),
  'project.recent': empty,
  'project.relocateVideo': (v, w) => {
    const o = expectObject(v, w);
    return { projectId: id(o.projectId, `${w}.projectId`), videoPath: expectString(o.videoPath, `${w}.videoPath`, { maxLength: 4096 }) };
  },
  'project.setView': (v, w) => {
    const o = expectObject(v, w);
    return { projectId: id(o.projectId, `${w}.projectId`), view: validateView(o.view, `${w}.view`), playhead: expectInt(o.playhead, `${w}.playhead`, { min: 0 }) };
  },
  'project.history': (v, w) => ({ projectId: id(expectObject(v, w).projectId, `${w}.projectId`) }),
  'models.list': empty,
  'engine.run': (v, w) => {
    const o = expectObject(v, w);
    return {
      projectId: id(o.projectId, `${w}.projectId`),
      model: expectOptional(o.model, `${w}.model`, (x, ww) => expectString(x, ww, { maxLength: 4096 })),
      mode: expectOneOf(o.mode, ENGINE_MODES, `${w}.mode`),
      settings: validateSettings(o.settings ?? {}, `${w}.settings`),
      name: expectOptional(o.name, `${w}.name`, (x, ww) => expectString(x, ww, { maxLength: 200 })),
      overwriteLocked: expectOptional(o.overwriteLocked, `${w}.overwriteLocked`, expectBoolean),
    };
  },
  'engine.cancel': (v, w) => ({ runId: id(expectObject(v, w).runId, `${w}.runId`) }),
  'track.rename': (v, w) => {
    const o = expectObject(v, w);
    return { projectId: id(o.projectId, `${w}.projectId`), trackId: id(o.trackId, `${w}.trackId`), name: expectString(o.name, `${w}.name`, { maxLength: 200 }) };
  },
  'track.delete': (v, w) => {
    const o = expectObject(v, w);
    return { projectId: id(o.projectId, `${w}.projectId`), trackId: id(o.trackId, `${w}.trackId`) };
  },
  'edit.apply': (v, w) => {
    const o = expectObject(v, w);
    const frames = expectArray(o.frames, `${w}.frames`, (f, fw) => {
      const fo = expectObject(f, fw);
      return { index: expectInt(fo.index, `${fw}.index`, { min: 0 }), diff: expectString(fo.diff, `${fw}.diff`, { maxLength: MAX_DIFF_CHARS }) };
    }, { maxLength: 1000 });
    checkEditSize(frames, `${w}.frames`);
    const step = expectOptional(o.step, `${w}.step`, validateEditStep);
    return { projectId: id(o.projectId, `${w}.projectId`), trackId: id(o.trackId, `${w}.trackId`), frames, ...(step ? { step } : {}) };
  },
  'edit.propagatePreview': (v, w) => {
    const o = expectObject(v, w);
    return {
      projectId: id(o.projectId, `${w}.projectId`),
      trackId: id(o.trackId, `${w}.trackId`),
      index: expectInt(o.index, `${w}.index`, { min: 0 }),
      diff: expectString(o.diff, `${w}.diff`, { maxLength: MAX_DIFF_CHARS }),
      forward: expectInt(o.forward, `${w}.forward`, { min: 0, max: 100 }),
      backward: expectInt(o.backward, `${w}.backward`, { min: 0, max: 100 }),
    };
  },
  'frame.lock': (v, w) => {
    const o = expectObject(v, w);
    return {
      projectId: id(o.projectId, `${w}.projectId`),
      trackId: id(o.trackId, `${w}.trackId`),
      index: expectInt(o.index, `${w}.index`, { min: 0 }),
      locked: expectBoolean(o.locked, `${w}.locked`),
    };
  },
  'export.start': (v, w) => {
    const o = expectObject(v, w);
    return {
      projectId: id(o.projectId, `${w}.projectId`),
      trackId: id(o.trackId, `${w}.trackId`),
      corrected: expectBoolean(o.corrected, `${w}.corrected`),
      format: expectOneOf(o.format, EXPORT_FORMAT_NAMES, `${w}.format`),
      out: expectString(o.out, `${w}.out`, { maxLength: 4096 }),
      from: expectOptional(o.from, `${w}.from`, (x, ww) => expectInt(x, ww, { min: 0 })),
      to: expectOptional(o.to, `${w}.to`, (x, ww) => expectInt(x, ww, { min: 0 })),
      overwrite: expectOptional(o.overwrite, `${w}.overwrite`, expectBoolean),
    };
  },
  'export.cancel': (v, w) => ({ jobId: id(expectObject(v, w).jobId, `${w}.jobId`) }),
};

function validateSettings(v: unknown, w: string): EngineSettings {
  const o = expectObject(v, w);
  const opt = <T,>(k: keyof EngineSettings, f: Validator<T>): T | undefined => expectOptional(o[k], `${w}.${k}`, f);
  const count = (max: number): Validator<number> => (y, yw) => expectInt(y, yw, { min: 1, max });
  const all: EngineSettings = {
    keyInterval: opt('keyInterval', count(1000)),
    targetInterval: opt('targetInterval', (y, yw) => expectNumber(y, yw, { min: 1, max: 1000 })),
    threshold: opt('threshold', (y, yw) => expectNumber(y, yw, { min: 0, max: 1e6 })),
    maxInterval: opt('maxInterval', count(1000)),
    lowLatency: opt('lowLatency', expectBoolean),
    fusion: opt('fusion', (y, yw) => expectOneOf(y, ['causal', 'bidirectional'] as const, yw)),
    window: opt('window', count(100)),
    fuseCurrent: opt('fuseCurrent', (y, yw) => expectNumber(y, yw, { min: 0.01, max: 100 })),
    fusePrevious: opt('fusePrevious', (y, yw) => expectNumber(y, yw, { min: 0, max: 100 })),
    preset: opt('preset', (y, yw) => expectOneOf(y, ['ultrafast', 'fast', 'medium'] as const, yw)),
    executionProvider: opt('executionProvider', (y, yw) => expectOneOf(y, ['cpu', 'cuda', 'dml', 'coreml'] as const, yw)),
  };
  // Settings left out stay absent (engine defaults apply), not present-but-undefined.
  return Object.fromEntries(Object.entries(all).filter(([, x]) => x !== undefined)) as EngineSettings;
}

function validateView(v: unknown, w: string): ProjectView {
  const o = expectObject(v, w);
  const ov = expectObject(o.overlays, `${w}.overlays`);
  const b = (k: string): boolean => expectBoolean(ov[k], `${w}.overlays.${k}`);
  const optId = (x: unknown, ww: string): string | null => (x === null || x === undefined ? null : id(x, ww));
  return {
    overlays: { mask: b('mask'), flow: b('flow'), flowArrows: b('flowArrows'), diff: b('diff'), flicker: b('flicker'), confidence: b('confidence') },
    opacity: expectNumber(o.opacity, `${w}.opacity`, { min: 0, max: 1 }),
    hiddenClasses: expectArray(o.hiddenClasses, `${w}.hiddenClasses`, (x, xw) => expectInt(x, xw, { min: 0, max: 255 }), { maxLength: 256 }),
    zoom: expectNumber(o.zoom, `${w}.zoom`, { min: 0.01, max: 64 }),
    panX: expectNumber(o.panX, `${w}.panX`),
    panY: expectNumber(o.panY, `${w}.panY`),
    trackId: optId(o.trackId, `${w}.trackId`),
    compareTrackId: optId(o.compareTrackId, `${w}.compareTrackId`),
    compareMode: expectOneOf(o.compareMode, ['off', 'side-by-side', 'swipe', 'diff'] as const, `${w}.compareMode`),
  };
}

export const REQUEST_NAMES = Object.keys(requestValidators) as RequestName[];

export function isRequestName(v: unknown): v is RequestName {
  return typeof v === 'string' && Object.prototype.hasOwnProperty.call(requestValidators, v);
}

// ---------------------------------------------------------------- events

export interface Events {
  /** A command-line or menu action asks the UI to open a path. */
  'app.openPath': { path: string };
  /** Something worth a toast. */
  'app.notice': { level: 'info' | 'warning' | 'error'; message: string };
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
  /** The project changed on the backend side (e.g. autosave, a run imported frames). */
  'project.changed': { projectId: string; state: ProjectState };
}
export type EventName = keyof Events;

/** Wire format of the WebSocket transport. */
export type ClientMessage = { kind: 'request'; id: number; name: RequestName; req: unknown };
export type ServerMessage =
  | { kind: 'response'; id: number; ok: true; res: unknown }
  | { kind: 'response'; id: number; ok: false; error: WireError }
  | { kind: 'event'; name: EventName; payload: unknown };

/** What the preload exposes on window.vss and what the browser client implements. */
export interface VssBridge {
  call<K extends RequestName>(name: K, req: Req<K>): Promise<Res<K>>;
  on<E extends EventName>(name: E, listener: (payload: Events[E]) => void): () => void;
  /** Base URL for frame requests, e.g. "vss-frame://frames" or "/api/frames". */
  frameBase: string;
  /** Query string appended to frame URLs (the review host token), may be empty. */
  frameQuery: string;
  transport: 'electron' | 'browser';
  /** Local path of a dropped file; only the desktop app can know it (webUtils.getPathForFile). */
  pathForFile?: (file: File) => string;
}
