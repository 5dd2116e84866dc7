/**
 * The one contract between the renderer and the backend, in four files: contract/domain.ts (what
 * the backend reports), contract/requests.ts (every request: its argument as a schema, the type
 * inferred from it, and its response), contract/events.ts and contract/wire.ts (transports). The
 * Electron IPC handlers, the preload bridge, the browser review host (WebSocket) and the renderer's
 * client are all typed from here: add a call to requests.ts and the compiler finds the rest.
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
export * from './contract/domain.ts';
export * from './contract/requests.ts';
export * from './contract/events.ts';
export * from './contract/wire.ts';
export * from './contract/imports.ts';
