/**
 * Renders assets/icon/icon.svg to the PNGs the packages use: assets/icon/icon.png (1024, macOS and
 * Windows; electron-builder converts it to .icns/.ico) and assets/icon/png/<n>x<n>.png (Linux, and
 * the window icon). Run after editing the SVG: `node --import tsx scripts/icons/make-icons.ts`
 * (needs Chromium: CHROMIUM_PATH or /usr/bin/chromium). The PNGs are committed.
 */
import { mkdirSync, readFileSync, renameSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';

const dir = resolve(import.meta.dirname, '..', '..', 'assets', 'icon');
const SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

const svg = readFileSync(join(dir, 'icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  mkdirSync(join(dir, 'png'), { recursive: true });
  for (const n of SIZES) {
    await page.setViewportSize({ width: n, height: n });
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg style="display:block;width:${n}px;height:${n}px" `)}</body></html>`);
    const out = n === 1024 ? join(dir, 'icon.png') : join(dir, 'png', `${n}x${n}.png`);
    await page.screenshot({ path: `${out}.tmp.png`, omitBackground: true });
    renameSync(`${out}.tmp.png`, out);
  }
  console.log(`wrote assets/icon/icon.png and assets/icon/png/{${SIZES.slice(0, -1).join(',')}}`);
} finally {
  await browser.close();
}
