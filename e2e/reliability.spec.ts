/**
 * Never lose an edit (review host): the save indicator, the offline queue (also across a page
 * reload while the host is down), bounded retries while the host is down, a restart that keeps
 * the tab working (the token is kept per installation), a refused token's reconnect screen, and
 * SIGKILLs of the host at random moments while strokes are painted.
 */
import { test, expect, type Page } from '@playwright/test';
import { ConnectionPom } from './poms/connection-pom.ts';
import { EditPom } from './poms/edit-pom.ts';
import { ViewerPom } from './poms/viewer-pom.ts';
import { startWorkspace, TRACK, type Workspace } from './poms/workspace-fixture.ts';
import { startServe } from './support/serve.ts';
import { fixtures } from './support/paths.ts';

const fx = fixtures();
let ws: Workspace;

// Each test restarts the host (a process start) at least once: give them room on a loaded machine.
test.describe.configure({ timeout: 300_000 });

test.beforeEach(async () => {
  ws = await startWorkspace(fx.clip, fx.frames);
});
test.afterEach(async () => {
  await ws?.stop();
});

/** Starts the host again on the same port and VSS_HOME (so with the same token). */
async function restartHost(args: string[] = []): Promise<void> {
  ws.serve = await startServe(ws.home, args, { port: ws.serve.port });
}

async function openForEditing(page: Page): Promise<{ v: ViewerPom; e: EditPom; c: ConnectionPom }> {
  const c = new ConnectionPom(page);
  await page.goto(ws.serve.url);
  const v = new ViewerPom(page);
  const e = new EditPom(page);
  await v.openClip(ws.clip, fx.frames);
  await e.selectTool('b');
  await page.keyboard.press('2'); // class 1 (building) over the sky (class 0)
  await e.waitMask(0);
  await c.expectKind('connected');
  return { v, e, c };
}

/** A short horizontal stroke on row y of frame 0 (sky: class 0 before it). */
const stroke = (x: number, y: number) => [{ x, y }, { x: x + 6, y }];

test('edits made while the host is down are queued, shown as offline, and arrive when it is back; retries stay bounded', async ({ page }) => {
  const { e, c } = await openForEditing(page);
  await e.drag(stroke(20, 20));
  await c.expectKind('saved');
  const downAt = Date.now();
  await ws.serve.stop();
  await c.expectKind('offline');
  await e.drag(stroke(40, 30));
  await e.drag(stroke(60, 40));
  await expect(c.indicator).toHaveText(/Offline · 2 edits queued/);
  await restartHost();
  await c.expectKind('saved', 30_000);
  const seconds = (Date.now() - downAt) / 1000;
  const requests = c.requestsSince(downAt);
  // backoff: a handful of attempts per second at most (without it: hundreds per second)
  expect(requests, `${requests} requests in ${seconds.toFixed(1)} s while the host was down`).toBeLessThan(20 + 4 * seconds);
  await expect.poll(() => e.labelAt(TRACK, 0, 42, 30)).toBe(1);
  await expect.poll(() => e.labelAt(TRACK, 0, 62, 40)).toBe(1);
  // the tab keeps working after the restart: a new edit is saved
  await e.drag(stroke(80, 50));
  await c.expectKind('saved');
  await expect.poll(() => e.labelAt(TRACK, 0, 82, 50)).toBe(1);
});

test('a page reload while the host is down keeps the queued edits; they are sent once the page is back', async ({ page }) => {
  const { e, c } = await openForEditing(page);
  await ws.serve.stop();
  await c.expectKind('offline');
  await e.drag(stroke(30, 24));
  await expect(c.indicator).toHaveText(/Offline · 1 edit queued/);
  await page.reload().catch(() => undefined); // the host is down: the reload itself fails
  await restartHost();
  const v = new ViewerPom(page);
  await page.goto(ws.serve.url);
  await v.openClip(ws.clip, fx.frames);
  await expect.poll(() => e.labelAt(TRACK, 0, 32, 24)).toBe(1);
  await c.expectKind('saved');
});

test('a host restarted with a new token shows the reconnect screen instead of a loop of 401s', async ({ page }) => {
  const { c } = await openForEditing(page);
  await ws.serve.stop();
  const since = Date.now();
  await restartHost(['--new-token']);
  await expect(c.reconnect).toBeVisible({ timeout: 30_000 });
  await expect(c.reconnect).toContainText('--new-token');
  await c.expectKind('error');
  const seconds = (Date.now() - since) / 1000;
  expect(c.requestsSince(since)).toBeLessThan(20 + 4 * seconds);
  // the new URL works
  await page.goto(ws.serve.url);
  await expect(c.reconnect).toBeHidden();
  await c.expectKind('connected');
});

test('SIGKILL of the host at random moments while painting: the project reopens every time and no edit is lost', async ({ page }) => {
  test.setTimeout(1_200_000);
  const { e, c } = await openForEditing(page);
  const painted: { x: number; y: number }[] = [];
  for (let i = 0; i < 20; i++) {
    const at = { x: 8 + (i % 10) * 28, y: 10 + Math.floor(i / 10) * 30 };
    const killAfter = Math.random() * 250;
    const killing = new Promise<void>((resolve) => setTimeout(resolve, killAfter)).then(() => ws.serve.kill());
    await e.drag(stroke(at.x, at.y));
    painted.push(at);
    await killing;
    await restartHost();
    await c.expectKind('saved', 30_000); // reconnected, project reopened, queue drained
    // (until the page has reopened the project on the new host, the labels request fails: poll on)
    for (const p of painted) await expect.poll(() => e.labelAt(TRACK, 0, p.x + 2, p.y).catch(() => -1), `stroke at ${p.x},${p.y} after kill ${i + 1}`).toBe(1);
  }
  // a fresh page on the last host shows every stroke from the project on disk
  await page.reload();
  await new ViewerPom(page).openClip(ws.clip, fx.frames);
  for (const p of painted) await expect.poll(() => e.labelAt(TRACK, 0, p.x + 2, p.y).catch(() => -1)).toBe(1);
});
