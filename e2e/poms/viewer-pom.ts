/// <reference lib="dom" />
/** The small vocabulary the specs use to drive the viewer. */
import { expect, type Locator, type Page } from '@playwright/test';
import { CLIP, bitCentre, decodeIndex } from '../support/clip.ts';

export interface ViewState {
  scale: number;
  x: number;
  y: number;
  frame: number;
}

export class ViewerPom {
  readonly counter: Locator;
  readonly canvas: Locator;
  readonly track: Locator;
  readonly pathInput: Locator;
  readonly banner: Locator;
  readonly playButton: Locator;

  constructor(readonly page: Page) {
    this.counter = page.getByTestId('frame-counter');
    this.canvas = page.getByTestId('viewer-canvas');
    this.track = page.getByTestId('timeline-track');
    this.pathInput = page.getByTestId('open-path-input');
    this.banner = page.getByTestId('error-banner');
    this.playButton = page.getByTestId('play-button');
  }

  async open(path: string): Promise<void> {
    await this.pathInput.fill(path);
    await this.page.getByTestId('open-button').click();
  }

  /** Opens a clip and waits until frame 0 is on screen. */
  async openClip(path: string, frames: number): Promise<void> {
    await this.open(path);
    await expect(this.counter).toHaveText(`frame 0 / ${frames}`);
    await this.expectShown(0);
  }

  async press(key: string): Promise<void> {
    await this.canvas.focus().catch(() => undefined);
    await this.page.keyboard.press(key);
  }

  async index(): Promise<number> {
    return Number(await this.counter.getAttribute('data-index'));
  }

  async view(): Promise<ViewState> {
    return this.canvas.evaluate((c) => ({
      scale: Number(c.dataset.scale),
      x: Number(c.dataset.x),
      y: Number(c.dataset.y),
      frame: Number(c.dataset.frame),
    }));
  }

  /** The frame index encoded in the pixels on screen (sampled through the current view transform). */
  async decodeShown(): Promise<number> {
    const points = Array.from({ length: CLIP.bits }, (_, b) => bitCentre(b));
    const samples = await this.canvas.evaluate((c, pts) => {
      const el = c as HTMLCanvasElement;
      const ctx = el.getContext('2d');
      const s = Number(el.dataset.scale);
      const ox = Number(el.dataset.x);
      const oy = Number(el.dataset.y);
      if (!ctx) return [];
      return pts.map((p) => Array.from(ctx.getImageData(Math.floor(ox + p.x * s), Math.floor(oy + p.y * s), 1, 1).data));
    }, points);
    return samples.length === CLIP.bits ? decodeIndex(samples) : -1;
  }

  /** Counter and pixels both show `index`. */
  async expectShown(index: number, frames?: number): Promise<void> {
    if (frames !== undefined) await expect(this.counter).toHaveText(`frame ${index} / ${frames}`);
    await expect.poll(() => this.decodeShown(), { message: `pixels of frame ${index}` }).toBe(index);
  }

  /** Clicks the timeline where frame `index` sits (left edge = 0, right edge = last). */
  async clickTimeline(index: number, frames: number): Promise<void> {
    const box = await this.track.boundingBox();
    if (!box) throw new Error('timeline not visible');
    // Stay half a pixel inside the ends so the first and last frames hit the track itself.
    const x = Math.min(box.x + box.width - 0.5, Math.max(box.x + 0.5, box.x + (index / (frames - 1)) * box.width));
    await this.page.mouse.click(x, box.y + box.height / 2);
  }

  /** Waits `n` animation frames in the page (lets the UI run without a fixed sleep). */
  async animationFrames(n: number): Promise<void> {
    await this.page.evaluate(
      (count) =>
        new Promise<void>((resolve) => {
          let left = count;
          const tick = () => (--left <= 0 ? resolve() : requestAnimationFrame(tick));
          requestAnimationFrame(tick);
        }),
      n,
    );
  }
}
