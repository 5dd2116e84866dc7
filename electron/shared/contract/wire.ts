/**
 * How requests, responses and events travel: the resource URLs' headers, the WebSocket messages
 * of the review host, and the bridge the renderer calls (window.vss or the browser client).
 */
import type { FrameDiff } from '../../core/edit/diff.ts';
import type { HistorySteps } from '../../core/edit/history.ts';
import { checkDiff } from '../../core/edit/serialize.ts';
import { ValidationError, type WireError } from '../../core/errors.ts';
import { s, type Schema } from '../../core/schema.ts';
import type { EventName, Events } from './events.ts';
import type { Req, RequestName, Res } from './requests.ts';

export type { ErrorCode, WireError } from '../../core/errors.ts';
export { decodeMessage, encodeMessage } from './wire-codec.ts';

/** Largest label map side a diff may describe. */
const MAX_SIDE = 16384;

/**
 * A label diff on the wire: core's FrameDiff itself, typed arrays and all (runs as u32 offset,
 * length pairs; one new value per run; the old value of every covered pixel). Electron's IPC
 * carries it as is and the review host's codec as raw bytes (wire-codec.ts), never as JSON text.
 */
export type WireDiff = FrameDiff;

/**
 * The saved undo history on the wire (project.history): core's HistorySteps, every step's diffs
 * WireDiffs, so it travels as raw bytes like the edits themselves, never as a JSON string.
 */
export type WireHistory = HistorySteps;

/** A diff's size on the wire (bytes of its arrays). */
export function wireDiffBytes(d: WireDiff): number {
  return d.runs.byteLength + d.newValues.byteLength + d.oldValues.byteLength;
}

export const frameDiffSchema: Schema<WireDiff> = s.refine(
  s.object({
    frame: s.int({ min: 0 }),
    width: s.int({ min: 1, max: MAX_SIDE }),
    height: s.int({ min: 1, max: MAX_SIDE }),
    runs: s.u32(),
    newValues: s.bytes(),
    oldValues: s.bytes(),
  }),
  (d, where) => {
    try {
      return checkDiff(d);
    } catch (e) {
      throw new ValidationError(`${where}: ${e instanceof Error ? e.message : String(e)}`);
    }
  },
);

export const FRAME_HEADERS = {
  width: 'x-frame-width',
  height: 'x-frame-height',
  index: 'x-frame-index',
  pts: 'x-frame-pts',
  corrected: 'x-frame-corrected',
  flowScale: 'x-flow-scale',
} as const;

/** The review host's WebSocket message limit (bytes); larger requests travel over HTTP POST /api/call. */
export const WS_MAX_PAYLOAD = 1 << 20;
/** Largest request body POST /api/call accepts: the largest edit the contract allows plus framing. */
export const MAX_REQUEST_BYTES = 65 * 1024 * 1024;

export const RESOURCE_KINDS = ['frames', 'labels', 'confidence', 'flow'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

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
