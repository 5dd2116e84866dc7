/**
 * A model stage running in its own worker thread (stage-worker.mjs), for work that must proceed
 * beside the main thread's: the low-latency adaptive mode's key-frame high stage. Requests are
 * answered in order; inputs are copied (structured clone), outputs transferred.
 */
import { Worker } from 'node:worker_threads';
import type { Tensor3 } from '../../core/types.ts';
import type { PriorityResult } from './thread-priority.mjs';

const ENTRY = new URL('./stage-worker.mjs', import.meta.url);

export interface StageFeed {
  data: Float32Array;
  dims: number[];
}

interface Reply {
  type?: 'ready' | 'failed';
  priority?: PriorityResult;
  id?: number;
  data?: Float32Array;
  dims?: number[];
  error?: string;
}

export interface StageThread {
  /** What lowering the thread's priority did (thread-priority.mjs). */
  readonly priority: PriorityResult;
  run(feeds: Record<string, StageFeed>, output: string): Promise<Tensor3>;
  release(): Promise<void>;
}

/**
 * Opens `path` with the given ORT session options in a new worker thread. `nice` > 0 raises the
 * thread's nice value by that much (Linux; see thread-priority.mjs), so that when the cores are
 * oversubscribed the foreground thread's frames win over this background work.
 */
export function openStageThread(path: string, options: object, nice = 0): Promise<StageThread> {
  // execArgv []: the worker is plain JavaScript; inheriting the parent's (e.g. `--import tsx`) would
  // load the TypeScript loader into it and about double the CPU time of opening it (measured 230 vs 120 ms).
  const worker = new Worker(ENTRY, { workerData: { path, options, nice }, execArgv: [] });
  let priority: PriorityResult = { applied: false, reason: 'not asked' };
  const waiting = new Map<number, { resolve(t: Tensor3): void; reject(e: Error): void }>();
  let next = 0;
  let dead: Error | undefined;
  const failAll = (e: Error): void => {
    dead = e;
    for (const w of waiting.values()) w.reject(e);
    waiting.clear();
  };
  return new Promise((resolveOpen, rejectOpen) => {
    worker.on('error', (e) => {
      failAll(e);
      rejectOpen(e);
    });
    worker.on('exit', () => failAll(new Error('stage thread exited')));
    worker.on('message', (m: Reply) => {
      if (m.type === 'ready') {
        if (m.priority) priority = m.priority;
        return resolveOpen(thread);
      }
      if (m.type === 'failed') return rejectOpen(new Error(m.error));
      const w = waiting.get(m.id!);
      if (!w) return;
      waiting.delete(m.id!);
      if (m.error !== undefined) return w.reject(new Error(m.error));
      const [, channels, height, width] = m.dims as [number, number, number, number];
      w.resolve({ channels, height, width, data: m.data! });
    });
    const thread: StageThread = {
      get priority() {
        return priority;
      },
      run(feeds, output) {
        if (dead) return Promise.reject(dead);
        const id = next++;
        return new Promise((resolve, reject) => {
          waiting.set(id, { resolve, reject });
          worker.postMessage({ id, feeds, output });
        });
      },
      async release() {
        worker.postMessage({ type: 'release' });
        await new Promise<void>((r) => worker.once('exit', () => r()));
      },
    };
  });
}
