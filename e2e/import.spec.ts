import { test, expect, type Page } from '@playwright/test';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeLabelPng } from '../electron/backend/project/label-png.ts';
import { ExportPom } from './poms/export-pom.ts';
import { ImportPom } from './poms/import-pom.ts';
import { ViewerPom } from './poms/viewer-pom.ts';
import { useSharedWorkspace, TRACK } from './poms/workspace-fixture.ts';
import { fixtures } from './support/paths.ts';

const fx = fixtures();
const ws = useSharedWorkspace();


/** The clip open in the review host, with the export and import dialogs' page objects. */
async function openClip(page: Page): Promise<{ x: ExportPom; im: ImportPom }> {
  await page.goto(ws().serve.url);
  await new ViewerPom(page).openClip(ws().clip, fx.frames);
  return { x: new ExportPom(page), im: new ImportPom(page) };
}

/** Every label PNG of an export folder, by file name. */
async function labelsOf(dir: string, names: readonly string[]): Promise<Uint8Array[]> {
  return Promise.all(names.map(async (n) => decodeLabelPng(await readFile(join(dir, n))).data));
}

test('a CVAT zip exported from the dialog imports back as a track, equal pixel for pixel', async ({ page }) => {
  test.setTimeout(120_000);
  const { x, im } = await openClip(page);
  await x.open();
  const before = await x.run('labels', { from: 0, to: 2, track: TRACK });
  const zip = await x.run('cvat', { from: 0, to: 2, track: TRACK, zip: true });
  expect(zip.endsWith('.zip')).toBe(true);
  await page.getByRole('button', { name: 'Close' }).click();

  await im.open('key');
  await im.check('cvat', zip, { track: 'From CVAT' });
  await expect(page.getByTestId('import-frames')).toHaveText('3 of 3 source frames match frames of the video.');
  await expect(im.classRow('Car')).toContainText('same name');
  await im.run();
  await expect(im.status).toContainText('imported 3 frames as track "From CVAT"');
  await im.close();

  await x.open();
  const after = await x.run('labels', { from: 0, to: 2, track: 'From CVAT', corrected: false });
  const names = ['000000.png', '000001.png', '000002.png'];
  expect(await labelsOf(after, names)).toEqual(await labelsOf(before, names));
});

test('COCO with a class the project calls differently: the mapping is shown and must be chosen', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const { x, im } = await openClip(page);
  await x.open();
  const coco = await x.run('coco', { from: 0, to: 1, track: TRACK });
  await page.getByRole('button', { name: 'Close' }).click();
  const file = join(coco, 'annotations.json');
  const doc = JSON.parse(await readFile(file, 'utf8')) as { categories: { name: string }[] };
  for (const c of doc.categories) if (c.name === 'Car') c.name = 'Automobile';
  await writeFile(file, JSON.stringify(doc));

  await im.open();
  await im.check('coco', file, { corrections: TRACK });
  await expect(im.classRow('Automobile')).toContainText('no match — choose');
  await expect(im.classRow('Automobile')).toHaveClass(/warn/);
  await page.screenshot({ path: testInfo.outputPath('import.png') });
  if (process.env.VSS_UPDATE_SCREENSHOT) await page.screenshot({ path: 'assets/screenshots/import.png' });
  await im.run({ expectFailure: true });
  await expect(im.status).toContainText('class "Automobile" (used in 000000.png) has no match in this project');
  await im.mapClass('Automobile', 'Car');
  await expect(im.classRow('Automobile')).toContainText('your choice');
  await im.run();
  await expect(im.status).toContainText('imported 2 frames as corrections of engine');
  await im.close();
});
