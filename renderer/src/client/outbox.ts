/**
 * The edit outbox: every edit request goes through it, in order, one at a time. An edit is
 * stored (IndexedDB in the browser, see outbox-store.ts) before it is sent and removed once the
 * backend answered, so edits made while the backend is unreachable stay queued in order, survive
 * a page reload, and are sent when it is back. A request that fails because the host is
 * unreachable (or the token was refused) is retried with capped exponential backoff and jitter;
 * one the backend refuses is dropped and reported. Each edit carries an operation id (in its
 * undo step), so a retry of a request the backend already recorded is not applied twice.
 */
import type { Req, Res } from '../../../electron/shared/contract.ts';
import { backoffDelay } from './backoff.ts';
import { BridgeError } from './errors.ts';

export interface QueuedEdit {
  /** Order of the queue (increasing). */
  key: number;
  /** Project folder: the project is opened again by folder after a host restart. */
  dir: string;
  req: Req<'edit.apply'>;
}

export interface OutboxStore {
  load(): Promise<QueuedEdit[]>;
  put(e: QueuedEdit): Promise<void>;
  remove(key: number): Promise<void>;
}

export interface SaveState {
  /** Edits not yet acknowledged by the backend. */
  pending: number;
  /** The last edit the backend refused (cleared by the next one it accepts). */
  failed: string | null;
  /** The queue could not be stored in the browser (it then lives only in this page). */
  storeProblem: string | null;
  /** Edits the backend acknowledged since the page loaded. */
  sent: number;
}

export interface OutboxDeps {
  send(req: Req<'edit.apply'>): Promise<Res<'edit.apply'>>;
  /** Opens the project folder on the backend (again after a restart); resolves with its id. */
  open(dir: string): Promise<string>;
  /** True for failures that a later retry can fix (host unreachable, token refused). */
  transient(e: unknown): boolean;
  store: OutboxStore;
  onState(s: SaveState): void;
  delay?: (attempt: number) => number;
  newOp?: () => string;
}

interface Item {
  e: QueuedEdit;
  /** The project was opened again for this edit after the backend did not know it. */
  reopened?: boolean;
  resolve?: (r: Res<'edit.apply'>) => void;
  reject?: (e: unknown) => void;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export class Outbox {
  private queue: Item[] = [];
  /** Keys grow with time, so a later page's edits sort after an earlier page's. */
  private nextKey = Date.now() * 1000;
  private projectIds = new Map<string, string>();
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running = false;
  private idleWaiters: (() => void)[] = [];
  private state: SaveState = { pending: 0, failed: null, storeProblem: null, sent: 0 };
  private started: Promise<void> | null = null;
  private stopped = false;

  constructor(private readonly deps: OutboxDeps) {}

  /** Loads the edits a previous page left queued (sent before anything new) and starts sending. */
  start(): Promise<void> {
    this.started ??= this.deps.store.load().then(
      (stored) => {
        const sorted = [...stored].sort((a, b) => a.key - b.key);
        this.queue.unshift(...sorted.map((e) => ({ e })));
        this.nextKey = Math.max(this.nextKey, ...sorted.map((e) => e.key + 1));
        this.changed();
        void this.pump();
      },
      (e: unknown) => this.changed({ storeProblem: message(e) }),
    );
    return this.started;
  }

  get pending(): number {
    return this.queue.length;
  }

  /** Queues an edit; resolves when the backend applied it, rejects when it refused it. */
  enqueue(dir: string, req: Req<'edit.apply'>): Promise<Res<'edit.apply'>> {
    const op = (this.deps.newOp ?? (() => crypto.randomUUID()))();
    const e: QueuedEdit = { key: this.nextKey++, dir, req: req.step ? { ...req, step: { ...req.step, op } } : req };
    const done = new Promise<Res<'edit.apply'>>((resolve, reject) => this.queue.push({ e, resolve, reject }));
    this.deps.store.put(e).then(
      () => this.state.storeProblem && this.changed({ storeProblem: null }),
      (err: unknown) => this.changed({ storeProblem: message(err) }),
    );
    this.changed();
    void this.pump();
    return done;
  }

  /** The connection came back (or the host restarted): reopen projects and send now. */
  reconnected(): void {
    this.projectIds.clear();
    this.attempt = 0;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    void this.pump();
  }

  /** Stops retrying (the page goes away); what is queued stays in the store. */
  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Resolves when nothing is queued (after the previous page's edits were loaded, once started). */
  async idle(): Promise<void> {
    await this.started;
    if (this.queue.length === 0) return;
    await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
  }

  private async pump(): Promise<void> {
    if (this.running || this.timer || this.stopped) return;
    this.running = true;
    try {
      while (this.queue.length > 0 && !(await this.sendFirst()));
    } finally {
      this.running = false;
    }
    if (this.queue.length === 0) for (const w of this.idleWaiters.splice(0)) w();
  }

  /** Sends the first queued edit; true when the queue must wait (a retry is scheduled). */
  private async sendFirst(): Promise<boolean> {
    const item = this.queue[0]!;
    const { dir, req } = item.e;
    try {
      let projectId = this.projectIds.get(dir);
      if (!projectId) this.projectIds.set(dir, (projectId = await this.deps.open(dir)));
      const res = await this.deps.send({ ...req, projectId });
      this.done(item);
      this.attempt = 0;
      item.resolve?.(res);
      this.changed({ failed: null, sent: this.state.sent + 1 });
    } catch (err) {
      if (err instanceof BridgeError && err.code === 'NOT_FOUND' && !item.reopened) {
        // a restarted backend has nothing open yet: open the project again once, then resend
        item.reopened = true;
        this.projectIds.delete(dir);
        return false;
      }
      if (this.deps.transient(err)) {
        this.projectIds.delete(dir); // the host may come back as a new process
        this.timer = setTimeout(() => {
          this.timer = null;
          void this.pump();
        }, (this.deps.delay ?? backoffDelay)(this.attempt++));
        return true;
      }
      this.done(item);
      item.reject?.(err);
      this.changed({ failed: message(err) });
    }
    return false;
  }

  private done(item: Item): void {
    this.queue.shift();
    this.deps.store.remove(item.e.key).catch(() => undefined);
  }

  private changed(patch: Partial<SaveState> = {}): void {
    this.state = { ...this.state, ...patch, pending: this.queue.length };
    this.deps.onState(this.state);
  }
}

/** A store that keeps the queue in this page only (tests, or a browser without IndexedDB). */
export function memoryOutboxStore(): OutboxStore & { items: Map<number, QueuedEdit> } {
  const items = new Map<number, QueuedEdit>();
  return {
    items,
    load: async () => [...items.values()],
    put: async (e) => void items.set(e.key, structuredClone(e)),
    remove: async (key) => void items.delete(key),
  };
}
