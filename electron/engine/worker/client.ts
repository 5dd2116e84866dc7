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

type Loaded = { executionProvider: string; notes: string[] };

interface Deferred<T> {
  promise: Promise<T>;
  resolve(v: T): void;
  reject(e: Error): void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (v: T) => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

export class EngineClient {
  start(job: SegmentJob, source: FrameSource, opts: StartOptions = {}): EngineRun {
    return new WorkerRun(job, source, opts).handle();
  }
}

/** One engine worker running one job: its messages, the frame feeder and the progress queue. */
class WorkerRun {
  private readonly worker = new Worker(ENTRY);
  private readonly ahead: number;
  private acked = -1;
  private finished = false;
  private cancelled = false;
  private wakeFeeder: (() => void) | undefined;
  private readonly progress: SegmentProgress[] = [];
  private wakeIter: (() => void) | undefined;
  private readonly result = deferred<SegmentSummary>();
  private readonly loaded = deferred<Loaded>();

  constructor(job: SegmentJob, private readonly source: FrameSource, private readonly opts: StartOptions) {
    this.ahead = Math.max(1, opts.ahead ?? 4);
    this.loaded.promise.catch(() => undefined);
    const { worker } = this;
    worker.on('message', (m: FromWorker) => this.onMessage(m));
    worker.on('error', (e: Error) => this.finish(new VssError('INTERNAL', `engine worker crashed: ${(e.message.split('\n')[0] ?? '').slice(0, 300)}`)));
    worker.on('messageerror', () => this.finish(new VssError('INTERNAL', 'engine worker sent an unreadable message')));
    worker.on('exit', (code) => {
      const cancelled = this.cancelled;
      this.finish(new VssError(cancelled ? 'CANCELLED' : 'INTERNAL', cancelled ? 'cancelled' : `engine worker exited unexpectedly (code ${code})`));
    });
    this.send({ type: 'start', job, ...(opts.test ? { test: opts.test } : {}) });
    this.feed().catch((e: unknown) => {
      const msg = e instanceof Error ? e.message.split('\n')[0] : String(e);
      this.cancelled = true;
      this.send({ type: 'cancel' });
      this.finish(e instanceof VssError ? e : new VssError('INTERNAL', `reading frames failed: ${msg}`));
    });
  }

  handle(): EngineRun {
    return {
      result: this.result.promise,
      loaded: this.loaded.promise,
      cancel: () => this.cancel(),
      [Symbol.asyncIterator]: () => this.events(),
    };
  }

  private send(m: ToWorker, transfer: ArrayBuffer[] = []): void {
    this.worker.postMessage(m, transfer);
  }

  private onMessage(m: FromWorker): void {
    switch (m.type) {
      case 'loaded':
        this.loaded.resolve({ executionProvider: m.executionProvider, notes: m.notes });
        return;
      case 'ack':
        this.acked = Math.max(this.acked, m.index);
        this.wakeFeeder?.();
        return;
      case 'progress':
        this.progress.push(m.progress);
        this.wakeIter?.();
        return;
      case 'result':
        this.opts.onResult?.(m.result);
        return;
      case 'done':
        this.finish(undefined, m.summary);
        return;
      case 'error':
        this.finish(new VssError(m.error.code, m.error.message));
        return;
    }
  }

  private finish(err: Error | undefined, summary?: SegmentSummary): void {
    if (this.finished) return;
    this.finished = true;
    this.wakeFeeder?.();
    this.wakeIter?.();
    if (err) {
      this.result.reject(err);
      this.loaded.reject(err);
    } else this.result.resolve(summary!);
    void this.worker.terminate();
    void this.source.close?.().catch(() => undefined);
  }

  private stopped(): boolean {
    return this.finished || this.cancelled;
  }

  /** Reads and sends the frames, never more than `ahead` beyond the last acknowledged one. */
  private async feed(): Promise<void> {
    const { source } = this;
    for (let i = 0; i < source.total && !this.stopped(); i++) {
      while (i - this.acked > this.ahead && !this.stopped()) await new Promise<void>((r) => (this.wakeFeeder = r));
      if (this.stopped()) return;
      const frame = await source.read(i);
      if (this.stopped()) return;
      const buf = frame.rgba.buffer as ArrayBuffer;
      this.send({ type: 'frame', frame }, [buf]);
    }
    if (!this.stopped()) this.send({ type: 'end' });
  }

  private cancel(): void {
    if (this.stopped()) return;
    this.cancelled = true;
    this.wakeFeeder?.();
    this.send({ type: 'cancel' });
    // A worker stuck in native code still goes away.
    setTimeout(() => this.finish(new VssError('CANCELLED', 'cancelled')), 10_000).unref();
  }

  private async *events(): AsyncGenerator<SegmentProgress> {
    for (;;) {
      const p = this.progress.shift();
      if (p) {
        yield p;
        continue;
      }
      if (this.finished) return;
      await new Promise<void>((r) => (this.wakeIter = r));
    }
  }
}
