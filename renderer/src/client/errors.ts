/** Errors of the renderer's transports: the backend's own (BridgeError) and the connection's. */
import type { WireError } from '../../../electron/shared/contract.ts';

/** The backend answered with an error (one of the contract's codes). */
export class BridgeError extends Error {
  constructor(
    readonly code: WireError['code'],
    message: string,
  ) {
    super(message);
    this.name = 'BridgeError';
  }
}

/** The backend could not be reached: a retry later can succeed. */
export class OfflineError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OfflineError';
  }
}

/** The review host refused this page's token (it restarted with a new one). */
export class AuthError extends Error {
  constructor() {
    super('the review host refused this page\'s token: it was restarted with a new one (`vss serve --new-token`), or the link is wrong');
    this.name = 'AuthError';
  }
}

/** True for failures that a later retry can fix. */
export const isTransient = (e: unknown): boolean => e instanceof OfflineError || e instanceof AuthError;
