/**
 * The WebSocket side of the review host: ClientMessage in, ServerMessage out, through the
 * contract's codec (text frames, or binary frames when a message carries typed arrays such as
 * diffs). Malformed input gets a BAD_REQUEST response and never brings the host down.
 */
import type { RawData, WebSocket } from 'ws';
import { decodeMessage, encodeMessage, type ServerMessage } from '../../shared/contract.ts';
import { toWireError } from '../../core/errors.ts';
import type { Backend } from '../api.ts';

function send(ws: WebSocket, msg: ServerMessage): void {
  if (ws.readyState === ws.OPEN) ws.send(encodeMessage(msg));
}

function bytesOf(data: RawData): Uint8Array {
  return Array.isArray(data) ? Buffer.concat(data) : data instanceof ArrayBuffer ? new Uint8Array(data) : data;
}

function parse(data: RawData, isBinary: boolean): { id: number; name: unknown; req: unknown } | { id: number; error: string } {
  let v: unknown;
  try {
    v = decodeMessage(isBinary ? bytesOf(data) : data.toString());
  } catch (e) {
    return { id: 0, error: toWireError(e).message };
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return { id: 0, error: 'message must be an object' };
  const o = v as Record<string, unknown>;
  const id = typeof o.id === 'number' && Number.isSafeInteger(o.id) ? o.id : 0;
  if (o.kind !== 'request') return { id, error: 'message kind must be "request"' };
  if (id === 0 && o.id !== 0) return { id, error: 'message id must be an integer' };
  return { id, name: o.name, req: o.req };
}

export function attachSession(ws: WebSocket, backend: Backend): void {
  const off = backend.onEvent((name, payload) => send(ws, { kind: 'event', name, payload }));
  ws.on('close', off);
  ws.on('error', off);
  ws.on('message', (data, isBinary) => {
    const m = parse(data, isBinary);
    if ('error' in m) {
      send(ws, { kind: 'response', id: m.id, ok: false, error: { code: 'BAD_REQUEST', message: m.error } });
      return;
    }
    backend.dispatch(m.name, m.req).then(
      (res) => send(ws, { kind: 'response', id: m.id, ok: true, res }),
      (e: unknown) => send(ws, { kind: 'response', id: m.id, ok: false, error: toWireError(e) }),
    );
  });
}
