/**
 * The review host's WebSocket and its LinkMonitor: one socket opened on demand; when it drops,
 * GET /api/ping says why — a refused token makes the link "unauthorized" and stops retrying (the
 * page shows a reconnect screen), an unreachable host makes it "offline" and it reconnects with
 * capped exponential backoff and jitter.
 */
import { OfflineError } from './errors.ts';

export type LinkState = 'connecting' | 'connected' | 'offline' | 'unauthorized';

export interface LinkMonitor {
  readonly state: LinkState;
  /** Called on every change; `prev` is the state before. */
  on(listener: (state: LinkState, prev: LinkState) => void): () => void;
  /** Tries to connect now (the reconnect screen's button). */
  retryNow(): void;
}

export const UNREACHABLE = 'cannot reach the review host (is `vss serve` still running?)';

export interface HostLinkOptions {
  origin: string;
  token: string;
  /** Backoff before reconnect attempt n (0-based). */
  delay(attempt: number): number;
  /** Every message the socket receives. */
  onMessage(data: string | ArrayBuffer): void;
  /** The socket closed (requests in flight on it are lost). */
  onClose(): void;
}

export class HostLink implements LinkMonitor {
  private current: LinkState = 'connecting';
  private socket: WebSocket | null = null;
  private opening: Promise<WebSocket> | null = null;
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly listeners = new Set<(s: LinkState, prev: LinkState) => void>();
  private readonly wsUrl: string;

  constructor(private readonly o: HostLinkOptions) {
    this.wsUrl = `${o.origin.replace(/^http/, 'ws')}/ws?token=${encodeURIComponent(o.token)}`;
  }

  get state(): LinkState {
    return this.current;
  }

  on(listener: (state: LinkState, prev: LinkState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  retryNow(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.attempt = 0;
    if (this.current === 'unauthorized') this.setState('connecting');
    this.open().catch(() => undefined);
  }

  setState(s: LinkState): void {
    if (s === this.current) return;
    const prev = this.current;
    this.current = s;
    for (const l of this.listeners) l(s, prev);
  }

  /** The open socket, connecting first if needed. */
  open(): Promise<WebSocket> {
    if (this.socket) return Promise.resolve(this.socket);
    this.opening ??= new Promise<WebSocket>((resolve, reject) => {
      const ws = new WebSocket(this.wsUrl);
      ws.onopen = () => {
        this.socket = ws;
        this.opening = null;
        this.attempt = 0;
        this.setState('connected');
        resolve(ws);
      };
      ws.onclose = () => {
        const wasOpen = this.socket === ws;
        this.socket = null;
        this.opening = null;
        this.o.onClose();
        if (!wasOpen) reject(new OfflineError(UNREACHABLE));
        void this.lost();
      };
      ws.binaryType = 'arraybuffer';
      ws.onmessage = (ev: MessageEvent<string | ArrayBuffer>) => this.o.onMessage(ev.data);
    });
    return this.opening;
  }

  /** Why the socket is gone: a refused token stops here; otherwise reconnect after a backoff. */
  private async lost(): Promise<void> {
    if (this.timer || this.current === 'unauthorized') return;
    if ((await this.probe()) === 'unauthorized') return this.setState('unauthorized');
    this.setState('offline');
    this.timer = setTimeout(() => {
      this.timer = null;
      this.open().catch(() => undefined);
    }, this.o.delay(this.attempt++));
  }

  private async probe(): Promise<'ok' | 'offline' | 'unauthorized'> {
    try {
      const r = await fetch(`${this.o.origin}/api/ping`, { headers: { 'x-vss-token': this.o.token }, cache: 'no-store' });
      return r.status === 401 ? 'unauthorized' : r.ok ? 'ok' : 'offline';
    } catch {
      return 'offline';
    }
  }
}
