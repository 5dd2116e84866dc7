/// <reference lib="dom" />
/** Page object for the review workspace: run panel, tracks, overlays, timeline lanes, compare. */
import { expect, type Locator, type Page } from '@playwright/test';
import { PNG } from 'pngjs';

export class WorkspacePom {
  readonly runButton: Locator;
  readonly cancelButton: Locator;
  readonly rows: Locator;
  readonly keyMarkers: Locator;
  readonly viewer: Locator;

  constructor(readonly page: Page) {
    this.runButton = page.getByTestId('run-button');
    this.cancelButton = page.getByTestId('run-cancel');
    this.rows = page.getByTestId('track-row');
    this.keyMarkers = page.getByTestId('keyframe-marker');
    this.viewer = page.getByTestId('viewer');
  }

  row(trackId: string): Locator {
    return this.page.locator(`[data-testid="track-row"][data-track="${trackId}"]`);
  }

  async waitProject(): Promise<void> {
    await expect(this.page.getByTestId('project-name')).not.toHaveAttribute('data-project-id', '');
  }

  async chooseRun(model: string, mode: string, settings: Record<string, number> = {}): Promise<void> {
    await expect(this.page.getByTestId('run-model').locator(`option[value="${model}"]`)).toHaveCount(1);
    await this.page.getByTestId('run-model').selectOption(model);
    await this.page.getByTestId('run-mode').selectOption(mode);
    for (const [k, v] of Object.entries(settings)) await this.page.getByTestId(`run-${k}`).fill(String(v));
  }

  /** The id of the track a new run fills (the newest row). */
  async newestTrackId(): Promise<string> {
    return (await this.rows.last().getAttribute('data-track')) ?? '';
  }

  toggle(name: string): Locator {
    return this.page.getByTestId(`overlay-toggle-${name}`);
  }

  /** Presses `key` and checks that it flipped the overlay's toggle; repeats once if it was already in the wanted state. */
  async overlayByKey(name: string, key: string, on: boolean): Promise<void> {
    const was = (await this.toggle(name).getAttribute('aria-pressed')) === 'true';
    await this.page.keyboard.press(key);
    await expect(this.toggle(name)).toHaveAttribute('aria-pressed', String(!was));
    if (!was !== on) {
      await this.page.keyboard.press(key);
      await expect(this.toggle(name)).toHaveAttribute('aria-pressed', String(on));
    }
  }

  layer(name: string): Locator {
    return this.page.getByTestId(`overlay-${name}`);
  }

  /** RGBA of a canvas at an image pixel, through the canvas's own view (the frame canvas's transform). */
  async canvasPixel(testId: string, x: number, y: number): Promise<number[]> {
    const frame = this.page.getByTestId('viewer-canvas');
    const v = await frame.evaluate((c) => ({ s: Number(c.dataset.scale), x: Number(c.dataset.x), y: Number(c.dataset.y) }));
    return this.page.getByTestId(testId).evaluate(
      (c, p) => {
        const ctx = (c as HTMLCanvasElement).getContext('2d');
        if (!ctx) return [0, 0, 0, 0];
        return [...ctx.getImageData(Math.floor(p.v.x + (p.x + 0.5) * p.v.s), Math.floor(p.v.y + (p.y + 0.5) * p.v.s), 1, 1).data];
      },
      { x, y, v },
    );
  }

  /** Count of pixels with alpha > 0 on an overlay canvas. */
  async opaquePixels(testId: string): Promise<number> {
    return this.page.getByTestId(testId).evaluate((c) => {
      const el = c as HTMLCanvasElement;
      const d = el.getContext('2d')?.getImageData(0, 0, el.width, el.height).data;
      let n = 0;
      if (d) for (let i = 3; i < d.length; i += 4) n += d[i]! > 0 ? 1 : 0;
      return n;
    });
  }

  /** A screenshot of the viewer (what the user sees, all layers composited). */
  async viewerShot(): Promise<Buffer> {
    return this.viewer.screenshot();
  }

  /** RGB on screen (every layer composited, as the user sees it) at an image pixel. */
  async screenPixel(x: number, y: number): Promise<number[]> {
    const p = await this.pointAt(x, y);
    const shot = await this.page.screenshot({ clip: { x: Math.floor(p.x), y: Math.floor(p.y), width: 1, height: 1 } });
    return [...PNG.sync.read(shot).data.subarray(0, 3)];
  }

  async pointAt(x: number, y: number): Promise<{ x: number; y: number }> {
    const canvas = this.page.getByTestId('viewer-canvas');
    const box = (await canvas.boundingBox())!;
    const v = await canvas.evaluate((c) => ({ s: Number(c.dataset.scale), x: Number(c.dataset.x), y: Number(c.dataset.y) }));
    return { x: box.x + v.x + (x + 0.5) * v.s, y: box.y + v.y + (y + 0.5) * v.s };
  }
}
