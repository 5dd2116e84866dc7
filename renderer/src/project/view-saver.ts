/**
 * When the view (overlays, hidden classes, zoom, pan, tracks, playhead) is sent to the backend:
 * `VIEW_SAVE_DEBOUNCE_MS` after the last change of the view itself. Other state changes (a
 * project.changed from a class edit, a run's progress) do not postpone it. A save that fails
 * (host restarting, connection down) is sent again with a growing delay until one succeeds or a
 * newer view replaces it, so the last view reaches the project once the host is back.
 */
export const VIEW_SAVE_DEBOUNCE_MS = 400;
const RETRY_FIRST_MS = 1000;
const RETRY_MAX_MS = 10_000;

export interface ViewSaverDeps {
  /** The key of the view as it is now ('' when there is nothing to save). */
  key(): string;
  /** Sends the view as it is now: true when sent, false when there is nothing to send now (no
   * open video, video missing); rejects when it was not saved. */
  send(): Promise<boolean>;
}

export class ViewSaver {
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Key of the view the backend has (or is being sent). */
  private saved = '';
  /** Key of the view waiting for the timer. */
  private pending = '';
  private retryMs = 0;

  constructor(private readonly deps: ViewSaverDeps) {}

  /** A project was (re)loaded: its view is what the backend already has. */
  loaded(): void {
    this.cancel();
    this.saved = this.deps.key();
    this.retryMs = 0;
  }

  /** Something in the store changed: schedule a save if the view did. */
  changed(): void {
    const key = this.deps.key();
    if (key === '' || key === this.saved || key === this.pending) return;
    this.pending = key;
    this.arm(VIEW_SAVE_DEBOUNCE_MS);
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending = '';
  }

  private arm(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), ms);
  }

  private flush(): void {
    this.timer = null;
    this.pending = '';
    const key = this.deps.key();
    if (key === '' || key === this.saved) return;
    this.saved = key;
    this.deps.send().then(
      (sent) => {
        this.retryMs = 0;
        if (!sent && this.saved === key) this.saved = '';
      },
      () => {
        if (this.saved !== key) return; // a newer view is on its way
        this.saved = '';
        this.retryMs = Math.min(RETRY_MAX_MS, this.retryMs ? this.retryMs * 2 : RETRY_FIRST_MS);
        this.pending = key;
        this.arm(this.retryMs);
      },
    );
  }
}
