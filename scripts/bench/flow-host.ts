/**
 * The review host's overlay flow (the workspace's flow service, electron/backend/workspace/flow-service.ts) at 1080p: time per
 * flow and how long the host's event loop stalls meanwhile (the largest gap between 1 ms timer
 * ticks: what a frame request waits). Ours: DIS in the flow worker thread (frames copied into the
 * message); peer in the same run: DIS inline on the event loop, as before the worker.
 */
import { cpus, loadavg } from 'node:os';
import { summarize, type BenchSection, runIfMain } from './types.ts';
import { FlowService } from '../../electron/backend/workspace/flow-service.ts';
import { FLOW_MAX_WIDTH } from '../../electron/backend/workspace/resource-flow.ts';
import { flowGrid } from '../../electron/engine/flow-worker/flow-grid.ts';
import type { DecodedFrame } from '../../electron/backend/video/types.ts';

const W = 1920;
const H = 1080;
const N = 12;

function frame(i: number): DecodedFrame {
  const rgba = new Uint8Array(W * H * 4);
  for (let p = 0; p < W * H; p++) rgba.fill(((p % W) + i * 3) * 7 + Math.floor(p / W) * 3, 4 * p, 4 * p + 3);
  return { index: i, width: W, height: H, rgba } as DecodedFrame;
}

async function measure(c: FlowService): Promise<{ perFlow: number[]; gaps: number[] }> {
  await c.get('v', 0); // starts the worker
  const gaps: number[] = [];
  let last = performance.now();
  let on = true;
  const tick = (): void => {
    const now = performance.now();
    gaps.push(now - last);
    last = now;
    if (on) setTimeout(tick, 1);
  };
  setTimeout(tick, 1);
  const perFlow: number[] = [];
  for (let i = 1; i < N; i++) {
    await new Promise((r) => setTimeout(r, 2));
    const t = performance.now();
    await c.get('v', i);
    perFlow.push(performance.now() - t);
  }
  on = false;
  await c.dispose();
  return { perFlow, gaps };
}

export async function bench(): Promise<BenchSection> {
  const frames = Array.from({ length: N + 1 }, (_, i) => frame(i));
  const get = async (_v: string, i: number) => frames[i]!;
  const rows: string[][] = [];
  for (const [name, cache] of [
    ['worker thread (ours)', new FlowService(get)],
    ['inline on the event loop (peer)', new FlowService(get, { compute: async (a, b) => flowGrid(a, b, FLOW_MAX_WIDTH) })],
  ] as const) {
    const { perFlow, gaps } = await measure(cache);
    const f = summarize(perFlow);
    const g = summarize(gaps);
    rows.push([name, f.p50.toFixed(1), f.p95.toFixed(1), g.p95.toFixed(1), g.max.toFixed(1)]);
  }
  return {
    title: 'Host overlay flow (1920×1080 → 480×270 DIS fast)',
    columns: ['where', 'flow p50 ms', 'flow p95 ms', 'event-loop gap p95 ms', 'gap max ms'],
    rows,
    notes: [`${N - 1} flows each; the worker's extra time is copying two RGBA frames into the message.`, `machine: ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(1)}.`],
  };
}

await runIfMain(import.meta.url, bench);
