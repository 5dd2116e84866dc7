import { test, expect } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ViewerPom } from './poms/viewer-pom.ts';
import { fixtures } from './support/paths.ts';
import { startServe, type ServeProcess } from './support/serve.ts';

const fx = fixtures();
let serve: ServeProcess | undefined;

test.afterEach(async () => {
  await serve?.stop();
  serve = undefined;
});

test('`vss serve <clip>` shows that clip as soon as the page loads; the recent list remembers it', async ({ page }) => {
  serve = await startServe(mkdtempSync(join(tmpdir(), 'vss-e2e-home-')), [fx.clip]);
  await page.goto(serve.url);
  const v = new ViewerPom(page);
  await expect(v.counter).toHaveText(`frame 0 / ${fx.frames}`);
  await v.expectShown(0);
  await expect(page.getByTestId('recent-select').locator('option', { hasText: 'index-clip.mp4' })).toHaveCount(1);
});

test('the page refuses to work without the token', async ({ page }) => {
  const res = await page.goto(fx.url.replace(/\?token=.*$/, ''));
  expect(res?.status()).toBe(401);
});
