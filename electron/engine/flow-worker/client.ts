/**
 * FlowWorker: the main-side owner of the flow worker thread (started lazily, requests answered
 * one at a time in order: overlay flow and propagation flow pairs). The thread is unref'd while idle so it never keeps the process
 * alive; a crash or exit rejects what was in flight with a one-line error and the next request
 * starts a fresh thread.
 */
import { Worker } from 'node:worker_threads';
import { VssError } from '../../core/errors.ts';
import type { FlowGrid, FlowPairs } from './flow-grid.ts';
import type { FrameDiff } from '../../core/edit/index.ts';
import type { FlowFrame, FromFlowWorker, PropagateJob, ToFlowWorker } from './protocol.ts';

type Answer = Exclude<FromFlowWorker, { type: 'error' }>;
/** A request without its id (the client numbers them). */
type Request = ToFlowWorker extends infer T ? (T extends { id: number } ? Omit<T, 'id'> : never) : never;

const ENTRY = new URL('./flow-entry.mjs', import.meta.url);

interface Pending {
  resolve(a: Answer): void;
  reject(e: Error): void;
}

export class FlowWorker {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(private readonly entry: URL = ENTRY) {}

  /** Requests answered so far (tests check that work really went to the thread). */
  answered = 0;

  /** Flow from a to b (RGBA copied into the message), at most maxWidth wide. */
  async compute(a: FlowFrame, b: FlowFrame, maxWidth: number): Promise<FlowGrid> {
    const m = await this.request({ type: 'flow', a: plain(a), b: plain(b), maxWidth });
    if (m.type !== 'flow') throw new VssError('INTERNAL', `flow worker answered ${m.type} to a flow request`);
    return { flow: { width: m.width, height: m.height, data: m.data }, scale: m.scale };
  }

  /** Forward/backward flow and occlusion of an adjacent pair, longest side at most maxSide. */
  async pairs(a: FlowFrame, b: FlowFrame, maxSide: number): Promise<FlowPairs> {
    const m = await this.request({ type: 'pairs', a: plain(a), b: plain(b), maxSide });
    if (m.type !== 'pairs') throw new VssError('INTERNAL', `flow worker answered ${m.type} to a pairs request`);
    return m.pairs;
  }

  /** A propagation preview computed in the thread (labels' and PNGs' buffers are transferred, not copied). */
  async propagate(job: PropagateJob): Promise<FrameDiff[]> {
    const m = await this.request({ type: 'propagate', job }, job.labels.map(([, l]) => ('png' in l ? l.png : l.data).buffer as ArrayBuffer));
    if (m.type !== 'propagate') throw new VssError('INTERNAL', `flow worker answered ${m.type} to a propagate request`);
    return m.diffs;
  }

  private request(r: Request, transfer: ArrayBuffer[] = []): Promise<Answer> {
    const w = this.thread();
    const id = this.nextId++;
    const msg = { ...r, id } as ToFlowWorker;
    return new Promise<Answer>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      w.ref();
      w.postMessage(msg, transfer);
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
      this.answered++;
      if (m.type === 'error') p.reject(new VssError(m.error.code, m.error.message));
      else p.resolve(m);
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
