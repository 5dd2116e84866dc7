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
  async run(format: ExportFormatName, opts: { from?: number; to?: number; corrected?: boolean; out?: string; overwrite?: boolean; zip?: boolean; track?: string; expectFailure?: boolean } = {}): Promise<string> {
    await this.dialog.getByLabel('Format').selectOption(format);
    if (opts.track !== undefined) await this.dialog.getByLabel('Track', { exact: true }).selectOption({ label: opts.track });
    if (format !== 'video') await this.dialog.getByLabel('As one ZIP file').setChecked(opts.zip ?? false);
    await this.dialog.getByLabel('From frame').fill(opts.from === undefined ? '' : String(opts.from));
    await this.dialog.getByLabel('To frame').fill(opts.to === undefined ? '' : String(opts.to));
    await this.dialog.getByLabel('With corrections').setChecked(opts.corrected ?? true);
    await this.dialog.getByLabel('Overwrite').setChecked(opts.overwrite ?? false);
    if (opts.out !== undefined) await this.dialog.getByLabel('Output folder').fill(opts.out);
    const out = await this.dialog.getByLabel('Output folder').inputValue();
    await this.dialog.getByRole('button', { name: 'Export' }).click();
    await expect(this.status).toHaveAttribute('data-status', opts.expectFailure ? 'failed' : 'done', { timeout: 30_000 });
    if (opts.expectFailure) return out;
    // Where it went is shown with a button: Copy path in a browser (Show in folder in the desktop app).
    await expect(this.dialog.getByTestId('export-out-path')).toHaveValue(out);
    await expect(this.dialog.getByTestId('export-reveal')).toHaveText('Copy path');
    return out;
  }
}
