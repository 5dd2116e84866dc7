/** IPC channel names shared by the main process and the preload (one channel per request). */
import type { RequestName, WireError } from '../shared/contract.ts';

export const EVENT_CHANNEL = 'vss:event';

export function requestChannel(name: RequestName): string {
  return `vss:req:${name}`;
}

/** Handlers answer with an envelope so error codes survive IPC (thrown errors lose them). */
export type IpcEnvelope = { ok: true; res: unknown } | { ok: false; error: WireError };
