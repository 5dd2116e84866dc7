import { test, expect } from '@playwright/test';
import { readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { EditPom } from './poms/edit-pom.ts';
import { ViewerPom } from './poms/viewer-pom.ts';
import { useSharedWorkspace, TRACK } from './poms/workspace-fixture.ts';
import { fixtures } from './support/paths.ts';
import { decodeRecords } from '../electron/backend/project/history-log.ts';
import { LOCK_FILE } from '../electron/backend/project/lock.ts';
import { lockByLiveProcess } from '../electron/backend/project/test-fixtures.ts';

const fx = fixtures();
const ws = useSharedWorkspace();


const json = async (name: string): Promise<Record<string, unknown>> => {
  try {
    return JSON.parse(await readFile(join(ws().projectDir, name), 'utf8')) as Record<string, unknown>;
  } catch {
    return {};
  }
};

test('save and reopen restores tracks, corrections, undo history, view settings and the playhead', async ({ page }) => {
  await page.goto(ws().serve.url);
  const v = new ViewerPom(page);
  const e = new EditPom(page);
  await v.openClip(ws().clip, fx.frames);
  await e.paintStroke('9', 0, [{ x: 60, y: 30 }, { x: 140, y: 30 }], { track: TRACK, x: 100, y: 30, classId: 8 }); // then no tool: the keys navigate again
  await page.getByTestId('overlay-toggle-confidence').click();
  // Zoom about a pixel of the index pattern that frame 4 lights (bit 2), so it stays on screen
  // whatever the viewer's size: the pattern spans the top half and a zoom crops the rest.
  const fit = (await v.view()).scale;
  const anchor = await e.screenPoint(100, 24);
  await page.mouse.move(anchor.x, anchor.y);
  await page.mouse.wheel(0, -300);
  await expect.poll(async () => (await v.view()).scale).toBeGreaterThan(fit * 1.3);
  const zoomed = await v.view();
  for (let i = 0; i < 4; i++) await v.press('ArrowRight');
  await v.expectShown(4);
  // autosaved: corrections + view + playhead are on disk within a couple of seconds
  await expect.poll(async () => (await json('project.json')).playhead).toBe(4);
  // the undo step was appended to history.log when it was made (one record, not the whole history)
  await expect.poll(async () => decodeRecords(await readFile(join(ws().projectDir, 'history.log')).catch(() => Buffer.alloc(0))).records.filter((r) => r.t === 'step').length).toBe(1);
  await expect.poll(async () => (await json('view.json')).zoom).toBeCloseTo(zoomed.scale, 3);

  await ws().restart();
  await page.goto(ws().serve.url);
  await v.open(ws().clip);
  await expect(v.counter).toHaveText(`frame 4 / ${fx.frames}`);
  await expect.poll(async () => (await v.view()).scale).toBeCloseTo(zoomed.scale, 3);
  expect((await v.view()).x).toBeCloseTo(zoomed.x, 3);
  await expect(page.getByTestId('overlay-toggle-confidence')).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => e.labelAt(TRACK, 0, 100, 30)).toBe(8);
  await v.press('Home');
  await v.expectShown(0);
  await e.expectCorrected(true);
  // the undo history of the session survived the reopen
  await page.keyboard.press('Control+z');
  await expect.poll(() => e.labelAt(TRACK, 0, 100, 30)).toBe(0);
  await e.expectCorrected(false);
});

test('a project whose video moved says so and relocates it from a path', async ({ page }) => {
  const moved = join(ws().dir, 'moved-drive.mp4');
  await ws().serve.stop();
  await rename(ws().clip, moved);
  await ws().restart();
  await page.goto(ws().serve.url);
  await page.getByLabel('Recent projects').selectOption(ws().projectDir);
  const banner = page.getByTestId('video-missing');
  await expect(banner).toContainText(ws().clip);
  await banner.getByLabel('New video path').fill(moved);
  await banner.getByRole('button', { name: 'Relocate' }).click();
  await expect(banner).toBeHidden();
  const v = new ViewerPom(page);
  await expect(v.counter).toContainText(`/ ${fx.frames}`);
  const e = new EditPom(page);
  await expect.poll(() => e.labels(TRACK, 0).then((l) => l.width)).toBe(320);
});

test('a project another running app holds is refused with one line in the status bar; it opens once that app is gone', async ({ page }) => {
  await ws().serve.stop();
  const other = await lockByLiveProcess(ws().projectDir, 'app');
  const recent = page.getByLabel('Recent projects');
  try {
    await ws().restart();
    await page.goto(ws().serve.url);
    await recent.selectOption(ws().projectDir);
    const dir = ws().projectDir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const line = new RegExp(`^Cannot open the project ${dir}: project is open in VSS Studio \\(pid ${other.pid}, since \\d\\d:\\d\\d\\); close it there first$`);
    const banner = new ViewerPom(page).banner;
    await expect.poll(async () => (await banner.innerText()).trim().split('\n')[0]).toMatch(line);
  } finally {
    await other.stop();
  }
  await page.reload();
  await recent.selectOption(ws().projectDir);
  await expect(new ViewerPom(page).counter).toContainText(`/ ${fx.frames}`);
  const holder = async () => JSON.parse(await readFile(join(ws().projectDir, LOCK_FILE), 'utf8')) as { pid: number; owner: string };
  await expect.poll(holder).toEqual(expect.objectContaining({ pid: ws().serve.child.pid, owner: 'app' }));
});
