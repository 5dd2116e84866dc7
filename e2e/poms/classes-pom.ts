/// <reference lib="dom" />
/** Page object for the class editor (Shift+C), the class legend / palette and the frame-rate fields. */
import { expect, type Locator, type Page } from '@playwright/test';

export class ClassesPom {
  readonly dialog: Locator;
  readonly error: Locator;
  readonly timecode: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByTestId('class-editor');
    this.error = page.getByTestId('class-error');
    this.timecode = page.getByTestId('timecode');
  }

  async open(): Promise<void> {
    await this.page.getByTestId('classes-edit-button').click();
    await expect(this.dialog).toBeVisible();
  }

  async close(): Promise<void> {
    await this.page.getByTestId('class-editor-close').click();
    await expect(this.dialog).toBeHidden();
  }

  /** The legend / palette entry of a class (side panel). */
  legend(id: number): Locator {
    return this.page.getByTestId(`palette-${id}`);
  }

  /** The legend swatch colour of a class, as "rgb(r, g, b)". */
  legendColor(id: number): Promise<string> {
    return this.legend(id).locator('.class-swatch').evaluate((el) => getComputedStyle(el).backgroundColor);
  }

  legendHidden(id: number): Promise<boolean> {
    return this.legend(id).evaluate((el) => el.closest('li')?.classList.contains('class-off') ?? false);
  }

  /** Renames inline (Enter commits) and waits until the legend shows the new name. */
  async rename(id: number, name: string): Promise<void> {
    await this.page.getByTestId(`class-name-${id}`).fill(name);
    await this.page.getByTestId(`class-name-${id}`).press('Enter');
    await expect(this.legend(id)).toContainText(name);
  }

  /** Picks a colour (#rrggbb) and waits until the legend shows it. */
  async recolor(id: number, hex: string): Promise<void> {
    await this.page.getByTestId(`class-color-${id}`).fill(hex);
    const rgb = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
    await expect.poll(() => this.legendColor(id)).toBe(`rgb(${rgb.join(', ')})`);
  }

  /** Adds a class and returns its id (the new last row). */
  async add(): Promise<number> {
    const rows = this.dialog.locator('[data-testid^="class-row-"]');
    const before = await rows.count();
    await this.page.getByTestId('class-add').click();
    await expect(rows).toHaveCount(before + 1);
    return Number((await rows.last().getAttribute('data-testid'))!.replace('class-row-', ''));
  }

  async toggleHidden(id: number): Promise<void> {
    await this.page.getByTestId(`class-hide-${id}`).click();
  }

  async remove(id: number): Promise<void> {
    await this.page.getByTestId(`class-remove-${id}`).click();
  }

  async undo(): Promise<void> {
    await this.page.getByTestId('class-undo').click();
  }

  async redo(): Promise<void> {
    await this.page.getByTestId('class-redo').click();
  }

  /** Maps a model class of the shown track onto a project class id (the void id: ignore). */
  async mapModelClass(modelId: number, projectId: number): Promise<void> {
    await this.page.getByTestId(`class-map-${modelId}`).selectOption(String(projectId));
    await expect(this.page.getByTestId(`class-map-${modelId}`)).toHaveValue(String(projectId));
  }

  /** Opens a path with a frame rate typed into the toolbar's fps field. */
  async openWithFps(path: string, fps: number): Promise<void> {
    await this.page.getByTestId('open-path-input').fill(path);
    await this.page.getByTestId('open-fps-input').fill(String(fps));
    await this.page.getByTestId('open-button').click();
  }

  /** Sets the project's frame rate in the Video section of the side panel. */
  async setFrameRate(fps: number): Promise<void> {
    const section = this.page.getByTestId('section-video');
    if ((await section.getAttribute('data-open')) !== 'true') await this.page.getByTestId('section-toggle-video').click();
    await this.page.getByTestId('fps-input').fill(String(fps));
    await this.page.getByTestId('fps-set').click();
    await expect(this.page.getByTestId('fps-input')).toHaveValue(String(fps));
  }
}
