/**
 * The frame rate of a frames folder: typed when it is opened, changed later in its project, kept
 * across a reopen, and given on the command line (`vss serve <folder> --fps F`). Timecodes follow.
 */
import { test, expect } from '@playwright/test';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { ClassesPom } from './poms/classes-pom.ts';
import { ViewerPom } from './poms/viewer-pom.ts';
import { WorkspacePom } from './poms/workspace-pom.ts';
import { startServe, type ServeProcess } from './support/serve.ts';

const FRAMES = 12;
let dir = '';
let serve: ServeProcess | undefined;

test.beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vss-fps-e2e-'));
  await mkdir(join(dir, 'frames'));
  const png = new PNG({ width: 64, height: 48 });
  for (let i = 0; i < FRAMES; i++) {
    png.data.fill(i * 20);
    await writeFile(join(dir, 'frames', `frame_${String(i).padStart(3, '0')}.png`), PNG.sync.write(png));
  }
});
test.afterAll(async () => {
  await serve?.stop();
  await rm(dir, { recursive: true, force: true });
});

test('a frames folder opened at 10 fps, changed to 25 fps in its project, kept on reopen and set with vss serve --fps', async ({ page }) => {
  test.slow(); // three starts of the review host
  const home = join(dir, 'home');
  const folder = join(dir, 'frames');
  serve = await startServe(home);
  await page.goto(serve.url);
  const v = new ViewerPom(page);
  const c = new ClassesPom(page);
  await c.openWithFps(folder, 10);
  await expect(v.counter).toHaveText(`frame 0 / ${FRAMES}`);
  await new WorkspacePom(page).waitProject();
  await v.press('End');
  await expect(c.timecode).toHaveText('00:00:01.100'); // frame 11 at 10 fps

  await c.setFrameRate(25);
  await expect(c.timecode).toHaveText('00:00:00.440'); // frame 11 at 25 fps
  await expect(v.counter).toHaveText(`frame 11 / ${FRAMES}`);

  await serve.stop();
  serve = await startServe(home);
  await page.goto(serve.url);
  await v.open(folder); // no rate typed: the project's
  await expect(v.counter).toHaveText(/frame \d+ \/ 12/);
  await v.press('End');
  await expect(c.timecode).toHaveText('00:00:00.440');

  await serve.stop();
  serve = await startServe(home, [folder, '--fps', '12.5']);
  await page.goto(serve.url);
  await expect(v.counter).toHaveText(/frame \d+ \/ 12/);
  await v.press('End');
  await expect(c.timecode).toHaveText('00:00:00.880'); // frame 11 at 12.5 fps
});
