/** The frame rate a frames folder may be shown at (a video file has its own). */
import { expectNumber, type NumberRange } from './validate.ts';

export const FRAME_RATE_RANGE: NumberRange = { min: 0.1, max: 240 };

/** Checks a frame rate in frames per second (one-line ValidationError naming `where`). */
export function expectFrameRate(v: unknown, where: string): number {
  return expectNumber(v, where, FRAME_RATE_RANGE);
}
