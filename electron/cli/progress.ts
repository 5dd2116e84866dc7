/**
 * Progress on stderr for long commands (segment, export). On a terminal: one bar redrawn in place,
 * "label [#####-----] 45/100 frames  12.3 fps  ETA 0:05", at most 10 times a second. Elsewhere
 * (when asked for): one plain line at most once a second and at the end.
 */
import type { CliIO } from './command.ts';
import { duration } from './output.ts';

export interface ProgressUpdate {
  done: number;
  total: number;
  /** Frames per second; measured from the start when absent. */
  fps?: number;
  /** Seconds left; derived from fps when absent. */
  etaSec?: number;
}

export interface ProgressOptions {
  /** Print plain lines when stderr is not a terminal (otherwise nothing is printed there). */
  lines: boolean;
  now?: () => number;
}

export class Progress {
  private readonly started: number;
  private lastDraw = -Infinity;
  private drawn = false;
  private readonly now: () => number;

  constructor(
    private readonly label: string,
    private readonly io: CliIO,
    private readonly options: ProgressOptions,
  ) {
    this.now = options.now ?? (() => performance.now());
    this.started = this.now();
  }

  private get tty(): boolean {
    return this.io.stderrTTY === true && this.io.errRaw !== undefined;
  }

  update(p: ProgressUpdate): void {
    const t = this.now();
    const last = p.done >= p.total;
    const interval = this.tty ? 100 : 1000;
    if (!last && t - this.lastDraw < interval) return;
    this.lastDraw = t;
    const fps = p.fps ?? (p.done > 0 ? p.done / Math.max(1e-3, (t - this.started) / 1000) : 0);
    const eta = p.etaSec ?? (fps > 0 ? (p.total - p.done) / fps : Infinity);
    const stats = `${p.done}/${p.total} frames  ${fps.toFixed(1)} fps  ETA ${last ? '0:00' : duration(eta)}`;
    if (this.tty) {
      const room = Math.max(10, Math.min(40, (this.io.columns || 80) - this.label.length - stats.length - 5));
      const filled = p.total > 0 ? Math.round((room * Math.min(p.done, p.total)) / p.total) : 0;
      this.io.errRaw!(`\r${this.label} [${'#'.repeat(filled)}${'-'.repeat(room - filled)}] ${stats}\x1b[K`);
      this.drawn = true;
    } else if (this.options.lines) {
      this.io.err(`${this.label}: ${stats.replace(/ {2}/g, ', ')}`);
    }
  }

  /** Ends the bar's line so that what follows starts on a fresh line. */
  finish(): void {
    if (this.drawn) this.io.errRaw!('\n');
    this.drawn = false;
  }
}
