/**
 * The one contract between the renderer and the backend.
 *
 * Every request, its response and every event are declared here as types, and every
 * request's argument has a runtime validator here too. The Electron IPC handlers, the
 * preload bridge, the browser review host (WebSocket) and the renderer's client are all
 * typed from this module: add a call here and the compiler finds the rest.
 *
 * Frames do not travel over the request channel. They are fetched as raw RGBA bytes from
 *   Electron:      vss-frame://frames/<videoId>/<index>
 *   review host:   /api/frames/<videoId>/<index>?token=<token>
 * with response headers described by FRAME_HEADERS.
 */
import { expectInt, expectObject, expectOneOf, expectString, type Validator } from './validate.ts';

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
} as const;

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
};

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
}
export type EventName = keyof Events;

// ---------------------------------------------------------------- errors

/** Error codes carried over both transports; message is always one readable line. */
export type ErrorCode =
  | 'BAD_REQUEST'
  | 'NOT_FOUND'
  | 'UNSUPPORTED'
  | 'CORRUPT'
  | 'OUT_OF_RANGE'
  | 'CANCELLED'
  | 'INTERNAL';

export interface WireError {
  code: ErrorCode;
  message: string;
}

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
