/** Page object for the import dialog. */
import { expect, type Locator, type Page } from '@playwright/test';
import type { ImportFormatName } from '../../electron/shared/contract.ts';

export class ImportPom {
  readonly dialog: Locator;
  readonly status: Locator;
  readonly plan: Locator;
  readonly classes: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByTestId('import-dialog');
    this.status = page.getByTestId('import-status');
    this.plan = page.getByTestId('import-plan');
    this.classes = page.getByTestId('import-classes');
  }

  /** Opens the dialog from the toolbar button, or with its shortcut (Ctrl+I). */
  async open(via: 'button' | 'key' = 'button'): Promise<void> {
    if (via === 'button') await this.page.getByTestId('import-open').click();
    else await this.page.keyboard.press('Control+i');
    await expect(this.dialog).toBeVisible();
  }

  /** Fills the form and presses Check; resolves when the plan (or its error) is shown. */
  async check(format: ImportFormatName, from: string, as: { track: string } | { corrections: string }): Promise<void> {
    await this.dialog.getByLabel('Import format').selectOption(format);
    await this.dialog.getByLabel('Import from').fill(from);
    if ('track' in as) {
      await this.dialog.getByLabel('As a new track').check();
      await this.dialog.getByLabel('Track name').fill(as.track);
    } else {
      await this.dialog.getByLabel('As corrections').check();
      await this.dialog.getByLabel('Track to correct').selectOption({ label: as.corrections });
    }
    await this.dialog.getByRole('button', { name: 'Check', exact: true }).click();
    await expect(this.plan.or(this.page.getByTestId('import-plan-error'))).toBeVisible();
  }

  /** The mapping row of a source class: its select and what the dialog says about it. */
  classRow(source: string): Locator {
    return this.classes.locator('tr').filter({ has: this.page.getByLabel(`Project class for ${source}`) });
  }

  async mapClass(source: string, target: string): Promise<void> {
    await this.dialog.getByLabel(`Project class for ${source}`).selectOption({ label: target });
  }

  /** Presses Import and waits until the job is done (or failed, with expectFailure). */
  async run(opts: { expectFailure?: boolean } = {}): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(this.status).toHaveAttribute('data-status', opts.expectFailure ? 'failed' : 'done', { timeout: 30_000 });
  }

  async close(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Close' }).click();
    await expect(this.dialog).toBeHidden();
  }
}
