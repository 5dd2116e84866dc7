/**
 * Errors every layer shares: the wire error codes, VssError (an expected failure with a one-line,
 * user-readable message), ValidationError (bad input, always BAD_REQUEST) and toWireError, which
 * turns anything thrown into the one-line form that crosses a transport.
 */

/**
 * Error codes carried over both transports; the message is always one readable line. LOCKED:
 * another process (a running app, `vss import`) holds the project's lock (project/lock.ts).
 */
export type ErrorCode = 'BAD_REQUEST' | 'NOT_FOUND' | 'UNSUPPORTED' | 'CORRUPT' | 'OUT_OF_RANGE' | 'CANCELLED' | 'LOCKED' | 'INTERNAL';

export interface WireError {
  code: ErrorCode;
  message: string;
}

/** An expected failure with a one-line, user-readable message. */
export class VssError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'VssError';
  }
}

/** Bad input (a request argument, a command-line flag, a setting); the message names the field. */
export class ValidationError extends Error {
  readonly code = 'BAD_REQUEST' as const;
  constructor(message: string) {
    super(message);
    this.name = 'ValidationError';
  }
}

/** Converts anything thrown into the one-line wire form; unexpected errors become INTERNAL. */
export function toWireError(e: unknown): WireError {
  if (e instanceof VssError) return { code: e.code, message: e.message };
  if (e instanceof ValidationError) return { code: 'BAD_REQUEST', message: e.message };
  const msg = e instanceof Error ? e.message : String(e);
  return { code: 'INTERNAL', message: (msg.split('\n')[0] ?? 'internal error').slice(0, 500) };
}
