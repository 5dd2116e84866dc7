import { test, expect } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ViewerPom } from './poms/viewer-pom.ts';
import { WorkspacePom } from './poms/workspace-pom.ts';
import { startReviewWorkspace, type ReviewWorkspace } from './poms/review-fixture.ts';
import { makeIndexClip } from './support/clip.ts';
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
  // K jumps to the next key frame, Shift+K back (the batch schedule: the first key is frame 2, not 0).
  expect(keyFrames[0]).toBe(2);
  await page.keyboard.press('k');
  await expect(v.counter).toHaveAttribute('data-index', String(keyFrames[0]));
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

test('the run panel offers the mode settings of the engine settings table and refuses an out-of-range value', async ({ page }) => {
  await page.goto(ws.serve.url);
  const v = new ViewerPom(page);
  const w = new WorkspacePom(page);
  await v.openClip(ws.clip, fx.frames);
  await w.waitProject();
  await w.chooseRun('test-tiny/split', 'adaptive', { threshold: 0 });
  // Only adaptive's settings (and those every flow mode reads) are shown.
  await expect(page.getByTestId('run-keyInterval')).toHaveCount(0);
  await expect(page.getByTestId('run-maxInterval')).toHaveAttribute('placeholder', '2 × the target interval');
  // The engine refuses threshold 0, so the panel does too: marked, and Run says why without starting.
  await expect(page.getByTestId('run-threshold')).toHaveAttribute('aria-invalid', 'true');
  await w.runButton.click();
  await expect(v.banner).toContainText('Cannot start the run: Threshold must be > 0, got 0');
  await expect(w.rows).toHaveCount(0);
  await page.getByTestId('run-threshold').fill('0.5');
  await expect(page.getByTestId('run-threshold')).toHaveAttribute('aria-invalid', 'false');
  // The window shows only with bidirectional fusion.
  await page.getByTestId('run-mode').selectOption('fused');
  await expect(page.getByTestId('run-window')).toHaveValue('8');
  await page.getByTestId('run-fusion').selectOption('causal');
  await expect(page.getByTestId('run-window')).toHaveCount(0);
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

test('key-frame markers and the TC sparkline grow while the run goes on, and stay when it is cancelled', async ({ page }) => {
  test.setTimeout(180_000);
  // Many frames, so the run is still going when the first markers show (no sleeps, no timing).
  const frames = 500;
  const dir = await mkdtemp(join(tmpdir(), 'vss-live-run-'));
  const long = await startReviewWorkspace(await makeIndexClip(dir, frames), frames, { tracks: false });
  try {
    await page.goto(long.serve.url);
    const v = new ViewerPom(page);
    const w = new WorkspacePom(page);
    await v.openClip(long.clip, frames);
    await w.waitProject();
    await w.chooseRun('test-tiny/split', 'dff', { keyInterval: 5 });
    await w.runButton.click();
    const progress = page.getByTestId('run-done');
    /** 'running with markers' once markers are on the timeline while progress says done < total. */
    const sample = async (): Promise<string> => {
      const markers = await w.keyMarkers.count();
      if ((await progress.count()) === 0) return `ended (${markers} markers)`;
      const done = Number(((await progress.textContent()) ?? '').split('/')[0]);
      return markers > 0 && done < frames ? 'running with markers' : `${markers} markers at ${done}/${frames}`;
    };
    await expect.poll(sample, { timeout: 90_000 }).toBe('running with markers');
    await expect(page.getByTestId('tc-sparkline')).toBeVisible();
    // Markers sit where the engine puts the keys: the middle of each run of 5 frames (batch schedule).
    const shown = await w.keyMarkers.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-frame'))));
    expect(shown.every((i) => i % 5 === 2)).toBe(true);
    await w.cancelButton.click();
    await expect(w.runButton).toBeVisible();
    await expect(v.banner).toContainText('cancelled');
    expect(await w.keyMarkers.count()).toBeGreaterThanOrEqual(shown.length);
  } finally {
    await long.stop();
    await rm(dir, { recursive: true, force: true });
  }
});
