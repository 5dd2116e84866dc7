/**
 * Wire types of edits that the contract (contract.ts) references: the undo step an edit.apply
 * records, and the size limits that both the contract and the review host's transport use, so
 * no request the contract allows is refused by a transport limit.
 */
import { expectInt, expectObject, expectOneOf, expectString, ValidationError } from './validate.ts';

/**
 * The undo step an edit request records in the project's history (history.log). `op` is the
 * client's id for the request: a retried request with an op already recorded is not applied again.
 * 'do' adds a step (the request's diffs); 'undo' / 'redo' move the history's pointer (the request
 * carries the diffs that do it).
 */
export type EditStep = { op: string; action: 'do'; label: string; at: number } | { op: string; action: 'undo' | 'redo' };

/** Largest serialized diff of one frame (characters). */
export const MAX_DIFF_CHARS = 32 * 1024 * 1024;
/** Largest total of serialized diffs in one edit request (characters): the history's budget. */
export const MAX_EDIT_CHARS = 64 * 1024 * 1024;
/** Largest request any transport must accept (bytes of JSON): MAX_EDIT_CHARS plus framing. */
export const MAX_REQUEST_BYTES = MAX_EDIT_CHARS + 1024 * 1024;

export function validateEditStep(v: unknown, where: string): EditStep {
  const o = expectObject(v, where);
  const op = expectString(o.op, `${where}.op`, { minLength: 1, maxLength: 100 });
  const action = expectOneOf(o.action, ['do', 'undo', 'redo'] as const, `${where}.action`);
  if (action !== 'do') return { op, action };
  return { op, action, label: expectString(o.label, `${where}.label`, { maxLength: 200 }), at: expectInt(o.at, `${where}.at`, { min: 0 }) };
}

/** Checks the total size of an edit request's diffs. */
export function checkEditSize(frames: readonly { diff: string }[], where: string): void {
  const total = frames.reduce((s, f) => s + f.diff.length, 0);
  if (total > MAX_EDIT_CHARS) throw new ValidationError(`${where}: diffs total ${total} characters, more than ${MAX_EDIT_CHARS}`);
}

/** The review host's WebSocket message limit (bytes); larger requests travel over HTTP POST /api/call. */
export const WS_MAX_PAYLOAD = 1 << 20;
