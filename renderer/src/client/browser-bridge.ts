/**
 * The review host's transport: requests and events over one WebSocket (ClientMessage /
 * ServerMessage from the contract), requests too large for a WebSocket message over HTTP POST
 * /api/call, frames over fetch with the token in the query. The socket and the watch over it
 * (the LinkMonitor: offline, unauthorized, reconnect with backoff) are host-link.ts.
 */
import type { EventName, Events, RequestName, Req, Res, ServerMessage, VssBridge, WireError } from '../../../electron/shared/contract.ts';
import { decodeMessage, encodeMessage, WS_MAX_PAYLOAD } from '../../../electron/shared/contract.ts';
import { backoffDelay } from './backoff.ts';
import { AuthError, BridgeError, OfflineError } from './errors.ts';
import { HostLink, UNREACHABLE, type LinkMonitor } from './host-link.ts';

export { AuthError, BridgeError, OfflineError } from './errors.ts';
export type { LinkMonitor, LinkState } from './host-link.ts';

export type BrowserBridge = VssBridge & { link: LinkMonitor };

interface Pending {
  resolve(res: unknown): void;
  reject(e: Error): void;
}

/** Bytes a message takes on the wire (a text frame: UTF-8, at most 4 bytes per character). */
const wireBytes = (m: string | Uint8Array): number => (typeof m === 'string' ? m.length * 4 : m.length);

type CallResult = { ok: true; res: unknown } | { ok: false; error: WireError };

/** One request over HTTP POST /api/call (for bodies larger than a WebSocket message may be). */
async function post(origin: string, token: string, body: string | Uint8Array<ArrayBuffer>, onUnauthorized: () => void): Promise<unknown> {
  let r: Response;
  const type = typeof body === 'string' ? 'application/json' : 'application/octet-stream';
  try {
    r = await fetch(`${origin}/api/call`, { method: 'POST', headers: { 'x-vss-token': token, 'content-type': type }, body, cache: 'no-store' });
  } catch {
    throw new OfflineError(UNREACHABLE);
  }
  if (r.status === 401) {
    onUnauthorized();
    throw new AuthError();
  }
  const msg = (await r
    .arrayBuffer()
    .then((b) => decodeMessage(r.headers.get('content-type')?.startsWith('application/json') ? new TextDecoder().decode(b) : new Uint8Array(b)))
    .catch(() => null)) as CallResult | null;
  if (!msg) throw new BridgeError('INTERNAL', `the review host answered HTTP ${r.status} without a result`);
  if (!msg.ok) throw new BridgeError(msg.error.code, msg.error.message);
  return msg.res;
}

export function createBrowserBridge(origin: string, token: string, delay: (attempt: number) => number = backoffDelay): BrowserBridge {
  const pending = new Map<number, Pending>();
  const listeners = new Map<EventName, Set<(p: unknown) => void>>();
  let nextId = 1;

  function receive(msg: ServerMessage): void {
    if (msg.kind === 'event') {
      for (const l of listeners.get(msg.name) ?? []) l(msg.payload);
      return;
    }
    const p = pending.get(msg.id);
    if (!p) return;
    pending.delete(msg.id);
    if (msg.ok) p.resolve(msg.res);
    else p.reject(new BridgeError(msg.error.code, msg.error.message));
  }

  const link = new HostLink({
    origin,
    token,
    delay,
    onMessage: (data) => receive(decodeMessage(typeof data === 'string' ? data : new Uint8Array(data)) as ServerMessage),
    onClose: () => {
      for (const p of pending.values()) p.reject(new OfflineError('the connection to the review host was lost'));
      pending.clear();
    },
  });
  // Connect at once so events (e.g. app.openPath) are not missed.
  void link.open().catch(() => undefined);

  return {
    transport: 'browser',
    frameBase: `${origin}/api/frames`,
    frameQuery: `token=${encodeURIComponent(token)}`,
    link,
    async call<K extends RequestName>(name: K, req: Req<K>): Promise<Res<K>> {
      if (link.state === 'unauthorized') throw new AuthError();
      const id = nextId++;
      const message = encodeMessage({ kind: 'request', id, name, req });
      if (wireBytes(message) > WS_MAX_PAYLOAD) return (await post(origin, token, encodeMessage({ name, req }), () => link.setState('unauthorized'))) as Res<K>;
      const ws = await link.open();
      return new Promise<Res<K>>((resolve, reject) => {
        pending.set(id, { resolve: (r) => resolve(r as Res<K>), reject });
        ws.send(message);
      });
    },
    on<E extends EventName>(name: E, listener: (payload: Events[E]) => void): () => void {
      const set = listeners.get(name) ?? new Set();
      listeners.set(name, set);
      const l = listener as (p: unknown) => void;
      set.add(l);
      return () => set.delete(l);
    },
  };
}
