/// <reference lib="dom" />
/**
 * What the UI benchmark installs in the page (before the app loads) and reads back: a
 * PerformanceObserver that records the renderer's paint marks (renderer/src/viewer/paint-marks.ts)
 * with their times, and the timestamps of keydown and pointermove events (capture phase, so they
 * are seen before the app handles them). All times are the page's performance.now() clock.
 */
import type { Page } from '@playwright/test';

interface ProbeWindow {
  __vssMarks: { name: string; t: number }[];
  __vssKeys: number[];
  __vssMoves: number[];
}

export async function installProbe(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as ProbeWindow;
    w.__vssMarks = [];
    w.__vssKeys = [];
    w.__vssMoves = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name.startsWith('vss:')) w.__vssMarks.push({ name: e.name, t: e.startTime });
    }).observe({ type: 'mark' });
    addEventListener('keydown', (e) => w.__vssKeys.push(e.timeStamp), true);
    addEventListener('pointermove', (e) => w.__vssMoves.push(e.timeStamp), true);
  });
}

/** Waits until every named mark has been seen since `from` (a mark count); returns their latest time. */
export async function waitMarks(page: Page, names: string[], from: number, timeout = 30_000): Promise<number> {
  const h = await page.waitForFunction(
    ({ names, from }) => {
      const marks = (window as unknown as ProbeWindow).__vssMarks.slice(from);
      let t = -1;
      for (const n of names) {
        const m = marks.find((x) => x.name === n);
        if (!m) return false;
        t = Math.max(t, m.t);
      }
      return t;
    },
    { names, from },
    { polling: 'raf', timeout },
  );
  return (await h.jsonValue()) as number;
}

/** Waits for the first mark with this prefix after `from`; returns its time. */
export async function waitPrefix(page: Page, prefix: string, from: number, timeout = 30_000): Promise<number> {
  const h = await page.waitForFunction(
    ({ prefix, from }) => (window as unknown as ProbeWindow).__vssMarks.slice(from).find((m) => m.name.startsWith(prefix))?.t ?? false,
    { prefix, from },
    { polling: 'raf', timeout },
  );
  return (await h.jsonValue()) as number;
}

export function counts(page: Page): Promise<{ marks: number; keys: number[]; moves: number[] }> {
  return page.evaluate(() => {
    const w = window as unknown as ProbeWindow;
    return { marks: w.__vssMarks.length, keys: [...w.__vssKeys], moves: [...w.__vssMoves] };
  });
}
