/**
 * The review host's transport: requests and events over one WebSocket (ClientMessage /
 * ServerMessage from the contract), frames over fetch with the token in the query.
 */
import { decodeMessage, encodeMessage, type EventName, type Events, type RequestName, type Req, type Res, type ServerMessage, type VssBridge, type WireError } from '../../../electron/shared/contract.ts';

export class BridgeError extends Error {
  constructor(
    readonly code: WireError['code'],
    message: string,
  ) {
    super(message);
    this.name = 'BridgeError';
  }
}

interface Pending {
  resolve(res: unknown): void;
  reject(e: Error): void;
}

export function createBrowserBridge(origin: string, token: string): VssBridge {
  const wsUrl = `${origin.replace(/^http/, 'ws')}/ws?token=${encodeURIComponent(token)}`;
  const pending = new Map<number, Pending>();
  const listeners = new Map<EventName, Set<(p: unknown) => void>>();
  let nextId = 1;
  let socket: Promise<WebSocket> | undefined;

  function connect(): Promise<WebSocket> {
    socket ??= new Promise<WebSocket>((resolve, reject) => {
      const ws = new WebSocket(wsUrl);
      ws.onopen = () => resolve(ws);
      ws.onerror = () => reject(new BridgeError('INTERNAL', 'cannot reach the review host (is `vss serve` still running?)'));
      ws.onclose = () => {
        socket = undefined;
        for (const p of pending.values()) p.reject(new BridgeError('INTERNAL', 'connection to the review host was closed'));
        pending.clear();
      };
      ws.binaryType = 'arraybuffer';
      ws.onmessage = (ev: MessageEvent<string | ArrayBuffer>) => receive(decodeMessage(typeof ev.data === 'string' ? ev.data : new Uint8Array(ev.data)) as ServerMessage);
    });
    socket.catch(() => (socket = undefined));
    return socket;
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

  // Connect at once so events (e.g. app.openPath) are not missed.
  void connect().catch(() => undefined);

  return {
    transport: 'browser',
    frameBase: `${origin}/api/frames`,
    frameQuery: `token=${encodeURIComponent(token)}`,
    async call<K extends RequestName>(name: K, req: Req<K>): Promise<Res<K>> {
      const ws = await connect();
      const id = nextId++;
      return new Promise<Res<K>>((resolve, reject) => {
        pending.set(id, { resolve: (r) => resolve(r as Res<K>), reject });
        ws.send(encodeMessage({ kind: 'request', id, name, req }));
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
