import type { ErrorCode, WireError } from '../shared/contract.ts';
import { ValidationError } from '../shared/validate.ts';

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

/** Converts anything thrown into the one-line wire form; unexpected errors become INTERNAL. */
export function toWireError(e: unknown): WireError {
  if (e instanceof VssError) return { code: e.code, message: e.message };
  if (e instanceof ValidationError) return { code: 'BAD_REQUEST', message: e.message };
  const msg = e instanceof Error ? e.message : String(e);
  return { code: 'INTERNAL', message: (msg.split('\n')[0] ?? 'internal error').slice(0, 500) };
}
