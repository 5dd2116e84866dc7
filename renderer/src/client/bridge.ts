/**
 * The renderer's only way to the backend. It picks the Electron preload's window.vss when
 * present, else the review host's WebSocket bridge (token from the page URL).
 */
import type { Events, EventName, RequestName, Req, Res, VssBridge } from '../../../electron/shared/contract.ts';
import { createBrowserBridge } from './browser-bridge.ts';

declare global {
  interface Window {
    vss?: VssBridge;
  }
}

function pickBridge(): VssBridge {
  if (window.vss) return window.vss;
  const token = new URLSearchParams(window.location.search).get('token') ?? '';
  return createBrowserBridge(window.location.origin, token);
}

export const bridge: VssBridge = pickBridge();

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
