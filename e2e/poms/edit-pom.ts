/// <reference lib="dom" />
/** Page object for projects, label editing and export. Image coordinates are video pixels. */
import { expect, type Locator, type Page } from '@playwright/test';

export class EditPom {
  readonly bar: Locator;
  readonly mask: Locator;
  readonly tool: Locator;
  readonly marker: Locator;
  readonly projectName: Locator;

  constructor(readonly page: Page) {
    this.bar = page.getByTestId('edit-bar');
    this.mask = page.getByTestId('edit-mask');
    this.tool = page.getByTestId('edit-tool');
    this.marker = page.getByTestId('edit-correction');
    this.projectName = page.getByTestId('project-name');
  }

  async projectId(): Promise<string> {
    await expect(this.projectName).not.toHaveAttribute('data-project-id', '');
    return (await this.projectName.getAttribute('data-project-id')) ?? '';
  }

  /** Screen position of an image pixel's centre (through the viewer's transform). */
  async screenPoint(x: number, y: number): Promise<{ x: number; y: number }> {
    const canvas = this.page.getByTestId('viewer-canvas');
    const box = (await canvas.boundingBox())!;
    const v = await canvas.evaluate((c) => ({ s: Number(c.dataset.scale), x: Number(c.dataset.x), y: Number(c.dataset.y) }));
    return { x: box.x + v.x + (x + 0.5) * v.s, y: box.y + v.y + (y + 0.5) * v.s };
  }

  /**
   * Paints a brush stroke in the class under `classKey` on `frame` (the frame on screen), waits
   * until the host's labels show it at `check`, then puts the tool down so keys navigate again.
   */
  async paintStroke(classKey: string, frame: number, points: { x: number; y: number }[], check: { track: string; x: number; y: number; classId: number }): Promise<void> {
    await this.selectTool('b');
    await this.page.keyboard.press(classKey);
    await this.waitMask(frame);
    await this.drag(points);
    await expect.poll(() => this.labelAt(check.track, frame, check.x, check.y)).toBe(check.classId);
    await this.page.keyboard.press('Escape');
  }

  /** Picks a tool by its key once the project (and so the editable track) has loaded. */
  async selectTool(key: 'b' | 'e' | 'p' | 'u' | 'i' | 's'): Promise<void> {
    await this.projectId();
    await this.page.keyboard.press(key);
    await expect(this.tool).toHaveAttribute('data-tool', { b: 'brush', e: 'eraser', p: 'polygon', u: 'fill', i: 'picker', s: 'superpixel' }[key]);
  }

  /** Waits until the worker's superpixels of the shown frame are ready; returns how many there are. */
  async waitSuperpixels(): Promise<number> {
    const layer = this.page.getByTestId('superpixel-layer');
    await expect(layer).toHaveAttribute('data-state', 'ready');
    return Number(await layer.getAttribute('data-count'));
  }

  /** Clicks an image pixel with modifier keys held (Shift: similar run; Alt: delete a polygon vertex). */
  async clickWith(modifier: 'Shift' | 'Alt', x: number, y: number): Promise<void> {
    const s = await this.screenPoint(x, y);
    await this.page.keyboard.down(modifier);
    await this.page.mouse.click(s.x, s.y);
    await this.page.keyboard.up(modifier);
  }

  /** The shown frame's RGBA as the app reads it (/api/frames on the review host). */
  async frameRgba(index: number): Promise<{ width: number; height: number; data: number[] }> {
    const videoId = (await this.page.getByTestId('viewer-canvas').getAttribute('data-video')) ?? '';
    return this.page.evaluate(
      async (a) => {
        const token = new URLSearchParams(location.search).get('token') ?? '';
        const r = await fetch(`/api/frames/${a.videoId}/${a.index}?token=${token}`, { cache: 'no-store' });
        if (!r.ok) throw new Error(await r.text());
        return { width: Number(r.headers.get('x-frame-width')), height: Number(r.headers.get('x-frame-height')), data: [...new Uint8Array(await r.arrayBuffer())] };
      },
      { videoId, index },
    );
  }

  /** Waits until the edit mask shows labels for `frame`. */
  async waitMask(frame: number): Promise<void> {
    await expect(this.mask).toHaveAttribute('data-frame', String(frame));
    await expect.poll(() => this.maskPixel(5, 5).then((p) => p[3])).toBeGreaterThan(0);
  }

  async drag(points: { x: number; y: number }[]): Promise<void> {
    const first = await this.screenPoint(points[0]!.x, points[0]!.y);
    await this.page.mouse.move(first.x, first.y);
    await this.page.mouse.down();
    for (const p of points.slice(1)) {
      const s = await this.screenPoint(p.x, p.y);
      await this.page.mouse.move(s.x, s.y, { steps: 4 });
    }
    await this.page.mouse.up();
  }

  async click(x: number, y: number): Promise<void> {
    const s = await this.screenPoint(x, y);
    await this.page.mouse.click(s.x, s.y);
  }

  /** RGBA of the edit mask canvas at an image pixel. */
  async maskPixel(x: number, y: number): Promise<number[]> {
    const canvas = this.page.getByTestId('viewer-canvas');
    const v = await canvas.evaluate((c) => ({ s: Number(c.dataset.scale), x: Number(c.dataset.x), y: Number(c.dataset.y) }));
    return this.mask.evaluate(
      (c, a) => {
        const el = c as HTMLCanvasElement;
        const d = el.getContext('2d')!.getImageData(Math.floor(a.v.x + (a.x + 0.5) * a.v.s), Math.floor(a.v.y + (a.y + 0.5) * a.v.s), 1, 1).data;
        return [d[0]!, d[1]!, d[2]!, d[3]!];
      },
      { x, y, v },
    );
  }

  /** Labels of a frame from the labels resource (corrected unless raw): /api/labels on the review host, vss-frame://labels in the desktop app. */
  async labels(trackId: string, index: number, raw = false): Promise<{ width: number; corrected: boolean; data: number[] }> {
    const projectId = await this.projectId();
    return this.page.evaluate(
      async (a) => {
        const path = `${a.projectId}/${a.trackId}/${a.index}`;
        const token = new URLSearchParams(location.search).get('token') ?? '';
        const url = location.protocol === 'app:' ? `vss-frame://labels/${path}${a.raw ? '?raw=1' : ''}` : `/api/labels/${path}?token=${token}${a.raw ? '&raw=1' : ''}`;
        const r = await fetch(url, { cache: 'no-store' });
        if (!r.ok) throw new Error(await r.text());
        return { width: Number(r.headers.get('x-frame-width')), corrected: r.headers.get('x-frame-corrected') === '1', data: [...new Uint8Array(await r.arrayBuffer())] };
      },
      { projectId, trackId, index, raw },
    );
  }

  async labelAt(trackId: string, index: number, x: number, y: number): Promise<number> {
    const l = await this.labels(trackId, index);
    return l.data[y * l.width + x]!;
  }

  async expectCorrected(yes: boolean): Promise<void> {
    await expect(this.marker).toHaveAttribute('data-corrected', yes ? '1' : '0');
  }
}
