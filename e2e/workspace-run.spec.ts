import { test, expect } from '@playwright/test';
import { ViewerPom } from './poms/viewer-pom.ts';
import { WorkspacePom } from './poms/workspace-pom.ts';
import { startReviewWorkspace, type ReviewWorkspace } from './poms/review-fixture.ts';
import { fixtures } from './support/paths.ts';

const fx = fixtures();
let ws: ReviewWorkspace;

test.beforeAll(async () => {
  ws = await startReviewWorkspace(fx.clip, fx.frames, { tracks: false });
});
test.afterAll(async () => {
  await ws?.stop();
});

test('run the tiny model in dff mode: the track fills while it runs, key-frame markers match the engine', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(ws.serve.url);
  const v = new ViewerPom(page);
  const w = new WorkspacePom(page);
  await v.openClip(ws.clip, fx.frames);
  await w.waitProject();
  await w.chooseRun('test-tiny/split', 'dff', { keyInterval: 5 });
  await w.runButton.click();
  await expect(w.rows).toHaveCount(1);
  const trackId = await w.newestTrackId();
  expect(trackId).toBe('dff-k-5');
  await expect(w.row(trackId)).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
  await expect(w.row(trackId).getByTestId('track-name')).toHaveText('dff K=5');
  const keyFrames = await ws.summaryKeyFrames(trackId);
  expect(keyFrames.length).toBeGreaterThan(1);
  await expect(w.keyMarkers).toHaveCount(keyFrames.length);
  await expect(page.getByTestId('tc-sparkline')).toBeVisible();
  // The mask of the new track is on: its layer shows the current frame.
  await expect(w.layer('mask')).toHaveAttribute('data-frame', '0');
  // K jumps to the next key frame, Shift+K back.
  await page.keyboard.press('k');
  await expect(v.counter).toHaveAttribute('data-index', String(keyFrames[1]));
  await page.keyboard.press('Shift+K');
  await expect(v.counter).toHaveAttribute('data-index', String(keyFrames[0]));
  if (process.env.VSS_UPDATE_SCREENSHOT) await page.screenshot({ path: 'assets/screenshots/run-panel.png' });

  // Rename, then delete the track.
  await w.row(trackId).getByTestId('track-name').dblclick();
  await page.getByTestId('track-rename-input').fill('tiny dff');
  await page.getByTestId('track-rename-input').press('Enter');
  await expect(w.row(trackId).getByTestId('track-name')).toHaveText('tiny dff');
  await w.row(trackId).getByTestId('track-delete').click();
  await w.row(trackId).getByTestId('track-delete-confirm').click();
  await expect(w.rows).toHaveCount(0);
  await expect(w.keyMarkers).toHaveCount(0);
});

test('cancel a run: the progress goes away and the run ends cancelled', async ({ page }) => {
  await page.goto(ws.serve.url);
  const v = new ViewerPom(page);
  const w = new WorkspacePom(page);
  await v.openClip(ws.clip, fx.frames);
  await w.waitProject();
  await w.chooseRun('test-tiny/single', 'fused');
  await w.runButton.click();
  await w.cancelButton.click();
  await expect(w.runButton).toBeVisible();
  await expect(v.banner).toContainText(/Run (cancelled|done)/);
  const text = (await v.banner.textContent()) ?? '';
  // A run that managed to finish before the cancel arrived is not a cancel test: say so.
  expect(text, 'the run finished before Cancel reached it').toContain('cancelled');
  for (const row of await w.rows.all()) await expect(row).toHaveAttribute('data-status', 'cancelled');
});
