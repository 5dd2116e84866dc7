/** Types of thread-priority.mjs (plain JavaScript, loaded by the ONNX stage worker without a TypeScript loader). */
export interface SystemCalls {
  platform: NodeJS.Platform;
  readlink(path: string): string;
  getPriority(pid?: number): number;
  setPriority(pid: number, priority: number): void;
}

export type PriorityResult = { applied: true; tid: number; from: number; nice: number } | { applied: false; reason: string };

export const systemCalls: SystemCalls;

/** Raises the calling thread's nice value by `delta` (capped at 19); Linux only, never throws. */
export function lowerThreadPriority(delta: number, sys?: SystemCalls): PriorityResult;
