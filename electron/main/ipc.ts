/**
 * IPC: one ipcMain.handle channel per contract request. Each handler checks that the sender is
 * our own app page and validates the argument (backend.dispatch → requestValidators).
 */
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { REQUEST_NAMES } from '../shared/contract.ts';
import type { Backend } from '../backend/api.ts';
import { toWireError } from '../core/errors.ts';
import { isAppUrl } from './app-origin.ts';
import { EVENT_CHANNEL, requestChannel, type IpcEnvelope } from './channels.ts';

function trusted(event: IpcMainInvokeEvent, allowed: () => WebContents | undefined): boolean {
  const wc = allowed();
  return wc !== undefined && event.sender === wc && isAppUrl(event.senderFrame?.url);
}

export function registerIpc(backend: Backend, mainContents: () => WebContents | undefined): () => void {
  for (const name of REQUEST_NAMES) {
    ipcMain.handle(requestChannel(name), async (event, req: unknown): Promise<IpcEnvelope> => {
      if (!trusted(event, mainContents)) return { ok: false, error: { code: 'BAD_REQUEST', message: 'request from an untrusted page' } };
      try {
        return { ok: true, res: await backend.dispatch(name, req) };
      } catch (e) {
        return { ok: false, error: toWireError(e) };
      }
    });
  }
  const off = backend.onEvent((name, payload) => mainContents()?.send(EVENT_CHANNEL, name, payload));
  return () => {
    off();
    for (const name of REQUEST_NAMES) ipcMain.removeHandler(requestChannel(name));
  };
}
