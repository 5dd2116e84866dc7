import { test, expect, type Page } from '@playwright/test';
import { ShellPom } from './poms/shell-pom.ts';
import { ViewerPom } from './poms/viewer-pom.ts';
import { WorkspacePom } from './poms/workspace-pom.ts';
import { useSharedWorkspace } from './poms/workspace-fixture.ts';
import { fixtures } from './support/paths.ts';

const fx = fixtures();
const ws = useSharedWorkspace();

test.use({ viewport: { width: 1280, height: 720 } });

/** Opens the clip and its project; the page objects the tests use. */
async function openWorkspace(page: Page): Promise<{ v: ViewerPom; w: WorkspacePom; sh: ShellPom }> {
  await page.goto(ws().serve.url);
  const v = new ViewerPom(page);
  const w = new WorkspacePom(page);
  await v.openClip(ws().clip, fx.frames);
  await w.waitProject();
  return { v, w, sh: new ShellPom(page) };
}

test('shortcuts work whenever the focus is not in a text field; toggles say what they did', async ({ page }) => {
  const { v, w, sh } = await openWorkspace(page);

  // A mode chosen with the mouse keeps the focus on its select: the arrows still move the frame.
  const mode = page.getByTestId('run-mode');
  await mode.selectOption('per-frame');
  await mode.focus(); // where a mouse choice leaves the focus
  await expect(mode).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(v.counter).toHaveAttribute('data-index', '1');
  await page.keyboard.press('ArrowRight');
  await expect(v.counter).toHaveAttribute('data-index', '2');
  await expect(mode).toHaveValue('per-frame');
  // ... and so does a slider or a button that was clicked.
  await page.getByTestId('opacity-slider').click();
  await page.keyboard.press('ArrowLeft');
  await expect(v.counter).toHaveAttribute('data-index', '1');
  // In a text field the keys type text.
  await page.getByTestId('open-path-input').click();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.type('m');
  await expect(v.counter).toHaveAttribute('data-index', '1');
  await expect(w.toggle('mask')).toHaveAttribute('aria-pressed', 'true');
  await page.getByTestId('open-path-input').fill('');

  // L locks the frame, visibly: the lock button and a status line; Shift+L is flicker, as its tooltip says.
  await page.getByTestId('viewer').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('l');
  await expect(page.getByTestId('lock-toggle')).toHaveAttribute('aria-pressed', 'true');
  await expect(sh.status).toContainText('Lock this frame against engine runs: on (L)');
  await page.keyboard.press('l');
  await expect(sh.status).toContainText(': off (L)');
  await expect(w.toggle('flicker')).toHaveAttribute('title', /\(Shift\+L\)$/);
  await page.keyboard.press('Shift+L');
  await expect(sh.status).toContainText('Flicker (label flips along the flow): on (Shift+L)');
  await page.keyboard.press('Shift+L');
  await expect(w.toggle('flicker')).toHaveAttribute('aria-pressed', 'false');
});

test('go to frame N from the field and with G', async ({ page }) => {
  const { v, sh } = await openWorkspace(page);
  await sh.gotoFrame(7);
  await v.expectShown(7);
  await expect(sh.goto).not.toBeFocused();
  await page.keyboard.press('ArrowRight'); // the keys navigate again after the jump
  await expect(v.counter).toHaveAttribute('data-index', '8');
  await sh.gotoFrame(fx.frames + 5);
  await expect(sh.status).toContainText(`past the last frame (${fx.frames - 1})`);
  await expect(v.counter).toHaveAttribute('data-index', '8');
  await sh.goto.fill('x');
  await sh.goto.press('Escape');
  await expect(sh.goto).not.toBeFocused();
  await expect(sh.goto).toHaveValue('');
  await sh.goto.fill('3');
  await sh.goto.press('Enter');
  await v.expectShown(3);
});

test('? opens the shortcut sheet: every action with its key, read from the registry, and runnable', async ({ page }) => {
  const { w, sh } = await openWorkspace(page);
  await page.keyboard.press('?');
  await expect(sh.sheet).toBeVisible();
  const listed = await sh.listed();
  expect(listed.length).toBeGreaterThan(30);
  for (const id of ['frame.goto', 'help.shortcuts', 'tool.fill', 'edit.undo', 'overlay.flicker', 'frame.lock', 'panel.side']) expect(listed.map((r) => r.id)).toContain(id);
  expect(listed.every((r) => r.keys !== '')).toBe(true);
  expect(listed.find((r) => r.id === 'frame.goto')?.keys).toBe('G');
  expect(listed.find((r) => r.id === 'edit.redo')?.keys).toBe('Ctrl+Shift+Z, Ctrl+Y');
  // No key does two things at once: a key shared by two actions belongs to ones never enabled
  // together (Escape; the class digits, listed as one hint, run only while a tool is active).
  const seen = new Map<string, string[]>();
  for (const r of listed) for (const k of r.keys.split(', ')) seen.set(k, [...(seen.get(k) ?? []), r.id]);
  const shared = [...seen].filter(([, ids]) => ids.length > 1).map(([k, ids]) => `${k}:${ids.join('+')}`);
  expect(shared.sort()).toEqual(['Esc:edit.cancel+help.close']);
  // Escape closes it; clicking a row runs the action and closes the sheet.
  await page.keyboard.press('Escape');
  await expect(sh.sheet).toHaveCount(0);
  // F1 opens it too (the desktop menu's Help › Keyboard Shortcuts has the same accelerator).
  await page.keyboard.press('F1');
  await expect(sh.sheet).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(sh.sheet).toHaveCount(0);
  await page.getByTestId('shortcuts-button').click();
  await expect(sh.sheet).toBeVisible();
  await sh.row('overlay.mask').click();
  await expect(sh.sheet).toHaveCount(0);
  await expect(w.toggle('mask')).toHaveAttribute('aria-pressed', 'false');
});

test('layout: the video is the largest thing, panels collapse, the edit bar does not move the workspace, the class list reads', async ({ page }) => {
  await page.goto(ws().serve.url);
  const v = new ViewerPom(page);
  const w = new WorkspacePom(page);
  const sh = new ShellPom(page);
  const before = await sh.box(sh.viewer);
  await v.openClip(ws().clip, fx.frames);
  await w.waitProject();
  await expect(page.getByTestId('edit-bar')).toBeVisible();
  expect(await sh.box(sh.viewer)).toEqual(before); // no jump when the project and its edit bar appear
  const viewer = await sh.box(sh.viewer);
  const side = await sh.box(sh.sidePanel);
  expect(viewer.width * viewer.height).toBeGreaterThan(2 * side.width * side.height);
  expect(viewer.width).toBeGreaterThan(900);

  // Sections collapse (and stay so), the whole panel hides with \ and the viewer takes the room.
  await sh.toggleSection('run').click();
  await expect(page.getByTestId('run-panel')).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('section-toggle-run')).toHaveAttribute('aria-expanded', 'false');
  await sh.toggleSection('run').click();
  await expect(page.getByTestId('run-panel')).toBeVisible();
  await page.keyboard.press('\\');
  await expect(sh.sidePanel).toHaveCount(0);
  expect((await sh.box(sh.viewer)).width).toBeGreaterThan(1200);
  await page.getByTestId('side-panel-toggle').click();
  await expect(sh.sidePanel).toBeVisible();

  // The class list is the legend and the palette: readable names, visible swatches, click to paint.
  const car = page.getByTestId('palette-8');
  await expect(car).toContainText('Car');
  const swatch = await sh.box(car.locator('.class-swatch'));
  expect(swatch.width).toBeGreaterThanOrEqual(14);
  await car.click();
  await expect(car).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByTestId('current-class')).toHaveAttribute('data-class', '8');
  // Nothing is wider than the window, with any tool's controls in the edit bar (no cut-off side panel).
  for (const key of ['s', 'p', 'b']) {
    await page.keyboard.press(key);
    const over = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth, ...[...document.querySelectorAll('*')].filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5).slice(0, 4).map((e) => `${e.tagName}.${e.className}`)]);
    expect(over, `tool ${key}`).toEqual([over[1], over[1]]);
  }
  await page.keyboard.press('2');
  await expect(page.getByTestId('current-class')).toContainText('Building');
  await expect(page.getByTestId('palette-1')).toHaveAttribute('aria-checked', 'true');
});
