/**
 * The review host's transport: requests and events over one WebSocket (ClientMessage /
 * ServerMessage from the contract), requests too large for a WebSocket message over HTTP POST
 * /api/call, frames over fetch with the token in the query. It watches the connection (the
 * LinkMonitor): when the socket drops it asks /api/ping why — a refused token makes the link
 * "unauthorized" and stops retrying (the page shows a reconnect screen), an unreachable host makes
 * it "offline" and it reconnects with capped exponential backoff and jitter.
 */
import type { EventName, Events, RequestName, Req, Res, ServerMessage, VssBridge, WireError } from '../../../electron/shared/contract.ts';
import { decodeMessage, encodeMessage, WS_MAX_PAYLOAD } from '../../../electron/shared/contract.ts';
import { backoffDelay } from './backoff.ts';
import { AuthError, BridgeError, OfflineError } from './errors.ts';

export { AuthError, BridgeError, OfflineError } from './errors.ts';

export type LinkState = 'connecting' | 'connected' | 'offline' | 'unauthorized';

export interface LinkMonitor {
  readonly state: LinkState;
  /** Called on every change; `prev` is the state before. */
  on(listener: (state: LinkState, prev: LinkState) => void): () => void;
  /** Tries to connect now (the reconnect screen's button). */
  retryNow(): void;
}

export type BrowserBridge = VssBridge & { link: LinkMonitor };

interface Pending {
  resolve(res: unknown): void;
  reject(e: Error): void;
}

/** Bytes a message takes on the wire (a text frame: UTF-8, at most 4 bytes per character). */
const wireBytes = (m: string | Uint8Array): number => (typeof m === 'string' ? m.length * 4 : m.length);
const UNREACHABLE = 'cannot reach the review host (is `vss serve` still running?)';

export function createBrowserBridge(origin: string, token: string, delay: (attempt: number) => number = backoffDelay): BrowserBridge {
  const wsUrl = `${origin.replace(/^http/, 'ws')}/ws?token=${encodeURIComponent(token)}`;
  const pending = new Map<number, Pending>();
  const listeners = new Map<EventName, Set<(p: unknown) => void>>();
  const linkListeners = new Set<(s: LinkState, prev: LinkState) => void>();
  let nextId = 1;
  let state: LinkState = 'connecting';
  let socket: WebSocket | null = null;
  let opening: Promise<WebSocket> | null = null;
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;

  function setState(s: LinkState): void {
    if (s === state) return;
    const prev = state;
    state = s;
    for (const l of linkListeners) l(s, prev);
  }

  function open(): Promise<WebSocket> {
    if (socket) return Promise.resolve(socket);
    opening ??= new Promise<WebSocket>((resolve, reject) => {
      const ws = new WebSocket(wsUrl);
      ws.onopen = () => {
        socket = ws;
        opening = null;
        attempt = 0;
        setState('connected');
        resolve(ws);
      };
      ws.onclose = () => {
        const wasOpen = socket === ws;
        socket = null;
        opening = null;
        for (const p of pending.values()) p.reject(new OfflineError('the connection to the review host was lost'));
        pending.clear();
        if (!wasOpen) reject(new OfflineError(UNREACHABLE));
        void lost();
      };
      ws.binaryType = 'arraybuffer';
      ws.onmessage = (ev: MessageEvent<string | ArrayBuffer>) => receive(decodeMessage(typeof ev.data === 'string' ? ev.data : new Uint8Array(ev.data)) as ServerMessage);
    });
    return opening;
  }

  /** Why the socket is gone: a refused token stops here; otherwise reconnect after a backoff. */
  async function lost(): Promise<void> {
    if (timer || state === 'unauthorized') return;
    if ((await probe()) === 'unauthorized') return setState('unauthorized');
    setState('offline');
    timer = setTimeout(() => {
      timer = null;
      open().catch(() => undefined);
    }, delay(attempt++));
  }

  async function probe(): Promise<'ok' | 'offline' | 'unauthorized'> {
    try {
      const r = await fetch(`${origin}/api/ping`, { headers: { 'x-vss-token': token }, cache: 'no-store' });
      return r.status === 401 ? 'unauthorized' : r.ok ? 'ok' : 'offline';
    } catch {
      return 'offline';
    }
  }

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

  /** One request over HTTP (for bodies larger than a WebSocket message may be). */
  async function post(body: string | Uint8Array<ArrayBuffer>): Promise<unknown> {
    let r: Response;
    const type = typeof body === 'string' ? 'application/json' : 'application/octet-stream';
    try {
      r = await fetch(`${origin}/api/call`, { method: 'POST', headers: { 'x-vss-token': token, 'content-type': type }, body, cache: 'no-store' });
    } catch {
      throw new OfflineError(UNREACHABLE);
    }
    if (r.status === 401) {
      setState('unauthorized');
      throw new AuthError();
    }
    const msg = (await r
      .arrayBuffer()
      .then((b) => decodeMessage(r.headers.get('content-type')?.startsWith('application/json') ? new TextDecoder().decode(b) : new Uint8Array(b)))
      .catch(() => null)) as { ok: true; res: unknown } | { ok: false; error: WireError } | null;
    if (!msg) throw new BridgeError('INTERNAL', `the review host answered HTTP ${r.status} without a result`);
    if (!msg.ok) throw new BridgeError(msg.error.code, msg.error.message);
    return msg.res;
  }

  // Connect at once so events (e.g. app.openPath) are not missed.
  void open().catch(() => undefined);

  return {
    transport: 'browser',
    frameBase: `${origin}/api/frames`,
    frameQuery: `token=${encodeURIComponent(token)}`,
    link: {
      get state() {
        return state;
      },
      on(l) {
        linkListeners.add(l);
        return () => linkListeners.delete(l);
      },
      retryNow() {
        if (timer) clearTimeout(timer);
        timer = null;
        attempt = 0;
        if (state === 'unauthorized') setState('connecting');
        open().catch(() => undefined);
      },
    },
    async call<K extends RequestName>(name: K, req: Req<K>): Promise<Res<K>> {
      if (state === 'unauthorized') throw new AuthError();
      const id = nextId++;
      const message = encodeMessage({ kind: 'request', id, name, req });
      if (wireBytes(message) > WS_MAX_PAYLOAD) return (await post(encodeMessage({ name, req }))) as Res<K>;
      const ws = await open();
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
