/**
 * The renderer's only way to the backend. It picks the Electron preload's window.vss when
 * present, else the review host's WebSocket bridge (token from the page URL).
 */
import type { Events, EventName, RequestName, Req, Res, VssBridge } from '../../../electron/shared/contract.ts';
import { createBrowserBridge, type LinkMonitor } from './browser-bridge.ts';

declare global {
  interface Window {
    vss?: VssBridge;
  }
}

/** The desktop app's backend runs in its own process: the link never drops. */
const alwaysConnected: LinkMonitor = { state: 'connected', on: () => () => undefined, retryNow: () => undefined };

function pickBridge(): { bridge: VssBridge; link: LinkMonitor } {
  if (window.vss) return { bridge: window.vss, link: alwaysConnected };
  const token = new URLSearchParams(window.location.search).get('token') ?? '';
  const b = createBrowserBridge(window.location.origin, token);
  return { bridge: b, link: b.link };
}

const picked = pickBridge();
export const bridge: VssBridge = picked.bridge;
/** The state of the connection to the backend (always "connected" in the desktop app). */
export const link: LinkMonitor = picked.link;

/** Typed calls over whichever transport is present. */
export const client = {
  call<K extends RequestName>(name: K, req: Req<K>): Promise<Res<K>> {
    return bridge.call(name, req);
  },
  on<E extends EventName>(name: E, listener: (payload: Events[E]) => void): () => void {
    return bridge.on(name, listener);
  },
  transport: bridge.transport,
};
