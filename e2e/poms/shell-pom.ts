/// <reference lib="dom" />
/** Page object for the workspace shell: the shortcut sheet, go to frame, panels and the status line. */
import { expect, type Locator, type Page } from '@playwright/test';

export class ShellPom {
  readonly sheet: Locator;
  readonly rows: Locator;
  readonly goto: Locator;
  readonly status: Locator;
  readonly sidePanel: Locator;
  readonly viewer: Locator;

  constructor(readonly page: Page) {
    this.sheet = page.getByTestId('shortcut-sheet');
    this.rows = page.getByTestId('shortcut-row');
    this.goto = page.getByTestId('goto-frame');
    this.status = page.getByTestId('error-banner');
    this.sidePanel = page.getByTestId('side-panel');
    this.viewer = page.getByTestId('viewer');
  }

  row(actionId: string): Locator {
    return this.page.locator(`[data-testid="shortcut-row"][data-action="${actionId}"]`);
  }

  /** Every listed action: id and the keys it shows. */
  async listed(): Promise<{ id: string; keys: string }[]> {
    return this.rows.evaluateAll((els) => els.map((e) => ({ id: e.getAttribute('data-action') ?? '', keys: e.getAttribute('data-keys') ?? '' })));
  }

  async gotoFrame(n: number): Promise<void> {
    await this.page.keyboard.press('g');
    await expect(this.goto).toBeFocused();
    await this.goto.fill(String(n));
    await this.goto.press('Enter');
  }

  async box(l: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
    const b = await l.boundingBox();
    if (!b) throw new Error('not on screen');
    return b;
  }

  toggleSection(id: string): Locator {
    return this.page.getByTestId(`section-toggle-${id}`);
  }
}
