/** Page object for the export dialog. */
import { expect, type Locator, type Page } from '@playwright/test';
import type { ExportFormatName } from '../../electron/shared/contract.ts';

export class ExportPom {
  readonly dialog: Locator;
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByTestId('export-dialog');
    this.status = page.getByTestId('export-status');
  }

  async open(): Promise<void> {
    await this.page.getByTestId('export-open').click();
    await expect(this.dialog).toBeVisible();
  }

  /**
   * Exports with the dialog and returns the output folder once the job says done (or, with
   * `expectFailure`, once it failed). `out` replaces the suggested folder.
   */
  async run(format: ExportFormatName, opts: { from?: number; to?: number; corrected?: boolean; out?: string; overwrite?: boolean; expectFailure?: boolean } = {}): Promise<string> {
    await this.dialog.getByLabel('Format').selectOption(format);
    await this.dialog.getByLabel('From frame').fill(opts.from === undefined ? '' : String(opts.from));
    await this.dialog.getByLabel('To frame').fill(opts.to === undefined ? '' : String(opts.to));
    await this.dialog.getByLabel('With corrections').setChecked(opts.corrected ?? true);
    await this.dialog.getByLabel('Overwrite').setChecked(opts.overwrite ?? false);
    if (opts.out !== undefined) await this.dialog.getByLabel('Output folder').fill(opts.out);
    const out = await this.dialog.getByLabel('Output folder').inputValue();
    await this.dialog.getByRole('button', { name: 'Export' }).click();
    await expect(this.status).toHaveAttribute('data-status', opts.expectFailure ? 'failed' : 'done', { timeout: 30_000 });
    if (!opts.expectFailure) await expect(this.status).toContainText(out);
    return out;
  }
}
