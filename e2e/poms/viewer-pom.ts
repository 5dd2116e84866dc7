/// <reference lib="dom" />
/** The small vocabulary the specs use to drive the viewer. */
import { expect, type Locator, type Page } from '@playwright/test';
import { CLIP, decodeIndexFromBase64 } from '../support/clip.ts';

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

  /**
   * The frame index encoded in the pixels on screen: every image pixel is sampled from the canvas
   * through the current view transform (exact at 1:1), then decoded like the raw frame.
   */
  async decodeShown(): Promise<number> {
    const base64 = await this.canvas.evaluate(
      (c, size) => {
        const el = c as HTMLCanvasElement;
        const ctx = el.getContext('2d');
        if (!ctx || el.width === 0) return '';
        const s = Number(el.dataset.scale);
        const ox = Number(el.dataset.x);
        const oy = Number(el.dataset.y);
        const src = ctx.getImageData(0, 0, el.width, el.height).data;
        const out = new Uint8Array(size.width * size.height * 4);
        for (let y = 0; y < size.height; y++) {
          const cy = Math.floor(oy + (y + 0.5) * s);
          for (let x = 0; x < size.width; x++) {
            const cx = Math.floor(ox + (x + 0.5) * s);
            if (cx < 0 || cy < 0 || cx >= el.width || cy >= el.height) continue;
            const i = (cy * el.width + cx) * 4;
            out.set(src.subarray(i, i + 4), (y * size.width + x) * 4);
          }
        }
        let bin = '';
        for (let i = 0; i < out.length; i += 0x8000) bin += String.fromCharCode(...out.subarray(i, i + 0x8000));
        return btoa(bin);
      },
      { width: CLIP.width, height: CLIP.height },
    );
    return base64 ? decodeIndexFromBase64(base64, CLIP.width, CLIP.height) : -1;
  }

  /** At 1:1: true when the canvas holds exactly the RGBA bytes the backend serves for the shown frame. */
  async matchesServedFrame(): Promise<boolean> {
    return this.canvas.evaluate(async (c) => {
      const el = c as HTMLCanvasElement;
      const ctx = el.getContext('2d');
      const token = new URLSearchParams(location.search).get('token') ?? '';
      const path = `${el.dataset.video}/${el.dataset.frame}`;
      // The review host serves /api/frames; the desktop app (app://renderer) vss-frame://frames.
      const r = await fetch(location.protocol === 'app:' ? `vss-frame://frames/${path}` : `/api/frames/${path}?token=${token}`);
      const w = Number(r.headers.get('x-frame-width'));
      const h = Number(r.headers.get('x-frame-height'));
      const served = new Uint8Array(await r.arrayBuffer());
      if (!ctx || Number(el.dataset.scale) !== 1) return false;
      const shown = ctx.getImageData(Number(el.dataset.x), Number(el.dataset.y), w, h).data;
      return shown.length === served.length && shown.every((v, i) => v === served[i]);
    });
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
