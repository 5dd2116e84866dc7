/**
 * Coalesces edits into few writes: after an edit, save runs once things are quiet for
 * `debounceMs` (default 300), but never later than `maxDelayMs` (default 1000) after the first
 * unsaved edit, so with a fast save every edit is on disk within 2 s. Saves never overlap; an
 * edit made during a save schedules another. flush() saves now and resolves when done.
 */
export interface AutosaveOptions {
  debounceMs?: number;
  maxDelayMs?: number;
  /** Reports a failed save (the next edit retries). */
  onError?: (e: unknown) => void;
}

export class Autosaver {
  private readonly debounceMs: number;
  private readonly maxDelayMs: number;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private firstDirtyAt: number | null = null;
  private running: Promise<void> | null = null;
  private disposed = false;

  constructor(
    private readonly save: () => Promise<void>,
    private readonly opts: AutosaveOptions = {},
  ) {
    this.debounceMs = Math.min(500, opts.debounceMs ?? 300);
    this.maxDelayMs = Math.min(2000, opts.maxDelayMs ?? 1000);
  }

  get pending(): boolean {
    return this.firstDirtyAt !== null;
  }

  /** Call after every edit. */
  touch(): void {
    if (this.disposed) return;
    const now = Date.now();
    this.firstDirtyAt ??= now;
    const wait = Math.max(0, Math.min(this.debounceMs, this.firstDirtyAt + this.maxDelayMs - now));
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.run().catch(() => undefined), wait);
  }

  /** Saves now (after any save in progress) and resolves when everything so far is written. */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.run(true);
  }

  /** Flushes and stops reacting to touch(). */
  async dispose(): Promise<void> {
    this.disposed = true;
    await this.flush();
  }

  private async run(force = false): Promise<void> {
    if (!force) this.timer = null;
    while (this.running) await this.running.catch(() => undefined);
    if (this.firstDirtyAt === null && !force) return;
    this.firstDirtyAt = null;
    const p = this.save();
    const tracked = p.finally(() => {
      if (this.running === tracked) this.running = null;
    });
    tracked.catch(() => undefined);
    this.running = tracked;
    try {
      await p;
    } catch (e) {
      this.firstDirtyAt ??= Date.now();
      this.opts.onError?.(e);
      throw e;
    }
  }
}
