/**
 * EngineClient: the main-side owner of the engine worker. start(job, source) spawns a worker,
 * feeds it decoded frames with back-pressure (never more than `ahead` frames beyond the last one
 * the worker acknowledged, buffers transferred, not copied twice), hands results of a job without
 * an output folder to onResult, and returns a run handle:
 * an async iterator of progress events, the result promise and cancel(). A worker that crashes,
 * exits or errors rejects the result with a one-line error (never a hang).
 */
import { Worker } from 'node:worker_threads';
import { VssError } from '../../core/errors.ts';
import type { SegmentJob } from '../segment/job.ts';
import type { FrameResult } from '../segment/sink.ts';
import type { SegmentProgress, SegmentSummary, SourceFrame } from '../segment/types.ts';
import type { FromWorker, ToWorker, WorkerTestHooks } from './protocol.ts';

/** Where frames come from (main side): e.g. the video service, see video-source.ts. */
export interface FrameSource {
  total: number;
  read(index: number): Promise<SourceFrame>;
  /** Releases the source's decoder (called once the run has ended). */
  close?(): Promise<void>;
}

export interface StartOptions {
  /** Max frames decoded beyond the last acknowledged one (default 4). */
  ahead?: number;
  /** Each frame's outputs of a job without an output folder (out: null), in the order stored. */
  onResult?(r: FrameResult): void;
  test?: WorkerTestHooks;
}

export interface EngineRun extends AsyncIterable<SegmentProgress> {
  /** Resolves with the summary; rejects with a one-line VssError on failure or cancellation. */
  result: Promise<SegmentSummary>;
  /** Resolves when the model is loaded: the execution provider actually used and notes. */
  loaded: Promise<{ executionProvider: string; notes: string[] }>;
  cancel(): void;
}

const ENTRY = new URL('./entry.mjs', import.meta.url);

export class EngineClient {
  start(job: SegmentJob, source: FrameSource, opts: StartOptions = {}): EngineRun {
    const ahead = Math.max(1, opts.ahead ?? 4);
    const worker = new Worker(ENTRY);
    const send = (m: ToWorker, transfer: ArrayBuffer[] = []): void => worker.postMessage(m, transfer);
    let acked = -1;
    let finished = false;
    let cancelled = false;
    let wakeFeeder: (() => void) | undefined;
    const progress: SegmentProgress[] = [];
    let wakeIter: (() => void) | undefined;
    let resolveResult!: (s: SegmentSummary) => void;
    let rejectResult!: (e: Error) => void;
    const result = new Promise<SegmentSummary>((res, rej) => {
      resolveResult = res;
      rejectResult = rej;
    });
    let resolveLoaded!: (v: { executionProvider: string; notes: string[] }) => void;
    let rejectLoaded!: (e: Error) => void;
    const loaded = new Promise<{ executionProvider: string; notes: string[] }>((res, rej) => {
      resolveLoaded = res;
      rejectLoaded = rej;
    });
    loaded.catch(() => undefined);

    const finish = (err: Error | undefined, summary?: SegmentSummary): void => {
      if (finished) return;
      finished = true;
      wakeFeeder?.();
      wakeIter?.();
      if (err) {
        rejectResult(err);
        rejectLoaded(err);
      } else resolveResult(summary!);
      void worker.terminate();
      void source.close?.().catch(() => undefined);
    };

    worker.on('message', (m: FromWorker) => {
      switch (m.type) {
        case 'loaded':
          resolveLoaded({ executionProvider: m.executionProvider, notes: m.notes });
          return;
        case 'ack':
          acked = Math.max(acked, m.index);
          wakeFeeder?.();
          return;
        case 'progress':
          progress.push(m.progress);
          wakeIter?.();
          return;
        case 'result':
          opts.onResult?.(m.result);
          return;
        case 'done':
          finish(undefined, m.summary);
          return;
        case 'error':
          finish(new VssError(m.error.code, m.error.message));
          return;
      }
    });
    worker.on('error', (e: Error) => finish(new VssError('INTERNAL', `engine worker crashed: ${(e.message.split('\n')[0] ?? '').slice(0, 300)}`)));
    worker.on('messageerror', () => finish(new VssError('INTERNAL', 'engine worker sent an unreadable message')));
    worker.on('exit', (code) => finish(new VssError(cancelled ? 'CANCELLED' : 'INTERNAL', cancelled ? 'cancelled' : `engine worker exited unexpectedly (code ${code})`)));

    send({ type: 'start', job, ...(opts.test ? { test: opts.test } : {}) });

    const feed = async (): Promise<void> => {
      for (let i = 0; i < source.total && !finished && !cancelled; i++) {
        while (i - acked > ahead && !finished && !cancelled) await new Promise<void>((r) => (wakeFeeder = r));
        if (finished || cancelled) return;
        const frame = await source.read(i);
        if (finished || cancelled) return;
        const buf = frame.rgba.buffer as ArrayBuffer;
        send({ type: 'frame', frame }, [buf]);
      }
      if (!finished && !cancelled) send({ type: 'end' });
    };
    feed().catch((e: unknown) => {
      const msg = e instanceof Error ? e.message.split('\n')[0] : String(e);
      cancelled = true;
      send({ type: 'cancel' });
      finish(e instanceof VssError ? e : new VssError('INTERNAL', `reading frames failed: ${msg}`));
    });

    return {
      result,
      loaded,
      cancel() {
        if (finished || cancelled) return;
        cancelled = true;
        wakeFeeder?.();
        send({ type: 'cancel' });
        // A worker stuck in native code still goes away.
        setTimeout(() => finish(new VssError('CANCELLED', 'cancelled')), 10_000).unref();
      },
      async *[Symbol.asyncIterator]() {
        for (;;) {
          const p = progress.shift();
          if (p) {
            yield p;
            continue;
          }
          if (finished) return;
          await new Promise<void>((r) => (wakeIter = r));
        }
      },
    };
  }
}
