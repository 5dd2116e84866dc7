/**
 * FlowWorker: the main-side owner of the flow worker thread (started lazily, one request at a
 * time in it; callers queue). The thread is unref'd while idle so it never keeps the process
 * alive; a crash or exit rejects what was in flight with a one-line error and the next request
 * starts a fresh thread.
 */
import { Worker } from 'node:worker_threads';
import { VssError } from '../../core/errors.ts';
import type { FlowGrid } from './flow-grid.ts';
import type { FlowFrame, FromFlowWorker, ToFlowWorker } from './protocol.ts';

const ENTRY = new URL('./flow-entry.mjs', import.meta.url);

interface Pending {
  resolve(g: FlowGrid): void;
  reject(e: Error): void;
}

export class FlowWorker {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(private readonly entry: URL = ENTRY) {}

  /** Flow from a to b (RGBA copied into the message), at most maxWidth wide. */
  compute(a: FlowFrame, b: FlowFrame, maxWidth: number): Promise<FlowGrid> {
    const w = this.thread();
    const id = this.nextId++;
    const msg: ToFlowWorker = { type: 'flow', id, a: plain(a), b: plain(b), maxWidth };
    return new Promise<FlowGrid>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      w.ref();
      w.postMessage(msg);
    });
  }

  async dispose(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    this.failAll(new VssError('CANCELLED', 'the flow worker was stopped'));
    await w?.terminate();
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const w = new Worker(this.entry);
    w.unref();
    w.on('message', (m: FromFlowWorker) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (this.pending.size === 0) w.unref();
      if (m.type === 'flow') p.resolve({ flow: { width: m.width, height: m.height, data: m.data }, scale: m.scale });
      else p.reject(new VssError(m.error.code, m.error.message));
    });
    const lost = (why: string) => {
      if (this.worker !== w) return;
      this.worker = null;
      this.failAll(new VssError('INTERNAL', why));
    };
    w.on('error', (e: Error) => lost(`flow worker crashed: ${(e.message.split('\n')[0] ?? '').slice(0, 300)}`));
    w.on('messageerror', () => lost('flow worker sent an unreadable message'));
    w.on('exit', (code) => lost(`flow worker exited unexpectedly (code ${code})`));
    this.worker = w;
    return w;
  }

  private failAll(e: Error): void {
    const all = [...this.pending.values()];
    this.pending.clear();
    for (const p of all) p.reject(e);
  }
}

/** Only the fields the worker needs (a DecodedFrame carries more). */
function plain(f: FlowFrame): FlowFrame {
  return { width: f.width, height: f.height, rgba: f.rgba };
}
