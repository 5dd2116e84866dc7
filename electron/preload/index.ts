/**
 * Preload (sandboxed): exposes window.vss, a VssBridge of narrow named functions. The page never
 * sees ipcRenderer; call() accepts only contract request names; no sendSync.
 * Bundled to dist/electron/preload.cjs by scripts/build-electron.mjs.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { isRequestName, type EventName, type Events, type RequestName, type Req, type Res, type VssBridge, type WireError } from '../shared/contract.ts';
import { EVENT_CHANNEL, requestChannel, type IpcEnvelope } from '../main/channels.ts';

class BridgeCallError extends Error {
  constructor(
    readonly code: WireError['code'],
    message: string,
  ) {
    super(message);
    this.name = 'BridgeError';
  }
}

const bridge: VssBridge = {
  transport: 'electron',
  frameBase: 'vss-frame://frames',
  frameQuery: '',
  async call<K extends RequestName>(name: K, req: Req<K>): Promise<Res<K>> {
    if (!isRequestName(name)) throw new BridgeCallError('BAD_REQUEST', `unknown request "${String(name)}"`);
    const r = (await ipcRenderer.invoke(requestChannel(name), req)) as IpcEnvelope;
    if (r.ok) return r.res as Res<K>;
    throw new BridgeCallError(r.error.code, r.error.message);
  },
  on<E extends EventName>(name: E, listener: (payload: Events[E]) => void): () => void {
    const h = (_e: IpcRendererEvent, n: unknown, payload: unknown) => {
      if (n === name) listener(payload as Events[E]);
    };
    ipcRenderer.on(EVENT_CHANNEL, h);
    return () => void ipcRenderer.removeListener(EVENT_CHANNEL, h);
  },
  pathForFile: (file: File) => webUtils.getPathForFile(file),
};

contextBridge.exposeInMainWorld('vss', bridge);
