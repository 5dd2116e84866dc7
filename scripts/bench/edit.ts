/**
 * Editing core at 1080p: brush segment (compute + apply), flood fill, polygon fill, undo/redo of
 * a whole brush drag. Peer in the same run: copying the whole label map (what snapshot-undo
 * would pay on every step). Target: a brush segment well within one display frame (16 ms).
 */
import { summarize, type BenchSection, runIfMain } from './types.ts';
import { applyChange, computeChange, revertChange, type EditCommand, type EditContext } from '../../electron/core/edit/commands.ts';
import { EditHistory } from '../../electron/core/edit/history.ts';
import type { LabelMap } from '../../electron/core/types.ts';

const W = 1920;
const H = 1080;

function scene(): LabelMap {
  const data = new Uint8Array(W * H);
  for (let y = 0; y < H; y++) {
    const cls = y < H * 0.4 ? 0 : y < H * 0.55 ? 1 : 3;
    data.fill(cls, y * W, (y + 1) * W);
  }
  for (let y = 600; y < 800; y++) data.fill(8, y * W + 300, y * W + 700);
  return { width: W, height: H, data };
}

function time(fn: () => void, iterations: number, warmup = 5): number[] {
  for (let i = 0; i < warmup; i++) fn();
  const out: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t = performance.now();
    fn();
    out.push(performance.now() - t);
  }
  return out;
}

function row(name: string, samples: number[], note: string): string[] {
  const s = summarize(samples);
  return [name, s.p50.toFixed(3), s.p95.toFixed(3), String(samples.length), note];
}

export async function bench(): Promise<BenchSection> {
  const labels = scene();
  const ctx: EditContext = { labels: () => labels, ignoreIndex: 11 };
  const run = (cmd: EditCommand) => applyChange(ctx.labels, computeChange(cmd, ctx).diffs);
  const rows: string[][] = [];

  let t = 0;
  const brushSeg = time(() => {
    const x = 100 + ((t * 13) % 1700);
    const y = 100 + ((t * 7) % 880);
    run({ kind: 'brush', frame: 0, points: [{ x, y }, { x: x + 24, y: y + 10 }], radius: 20, classId: 2 + (t++ % 5) });
  }, 300);
  rows.push(row('brush segment r=20 (compute+apply)', brushSeg, '24 px segment, alternating classes'));

  const bigBrush = time(() => {
    const x = 200 + ((t * 13) % 1500);
    run({ kind: 'brush', frame: 0, points: [{ x, y: 500 }, { x: x + 40, y: 540 }], radius: 80, classId: 2 + (t++ % 5) });
  }, 100);
  rows.push(row('brush segment r=80 (compute+apply)', bigBrush, 'large brush'));

  const fresh = scene();
  const fctx: EditContext = { labels: () => fresh, ignoreIndex: 11 };
  let fc = 0;
  const flood = time(() => {
    const c = computeChange({ kind: 'floodFill', frame: 0, x: 10, y: 10, classId: fc++ % 2 === 0 ? 5 : 0 }, fctx);
    applyChange(fctx.labels, c.diffs);
  }, 20, 2);
  rows.push(row('flood fill 40% of frame (compute+apply)', flood, '830k px region'));

  const poly = time(() => {
    run({ kind: 'polygon', frame: 0, points: [{ x: 100, y: 100 }, { x: 1800, y: 200 }, { x: 1500, y: 1000 }, { x: 960, y: 600 }, { x: 200, y: 950 }], classId: 2 + (t++ % 5) });
  }, 20, 2);
  rows.push(row('polygon fill ~1.1 Mpx (compute+apply)', poly, '5 vertices'));

  const h = new EditHistory();
  const drag = () => {
    h.begin('brush');
    for (let i = 0; i < 60; i++) {
      const c = computeChange({ kind: 'brush', frame: 0, points: [{ x: 200 + i * 20, y: 300 + (i % 7) * 5 }, { x: 220 + i * 20, y: 305 }], radius: 20, classId: 2 + (t % 5) }, ctx);
      applyChange(ctx.labels, c.diffs);
      h.extend(c);
    }
    t++;
    h.commit();
  };
  const commit = time(drag, 20, 2);
  rows.push(row('brush drag of 60 segments incl. commit', commit, 'one undo step'));
  const undo = time(() => revertChange(ctx.labels, h.undo()!.diffs), 10, 0);
  const redo = time(() => applyChange(ctx.labels, h.redo()!.diffs), 10, 0);
  rows.push(row('undo (one drag step)', undo, 'reverts the composed diff'));
  rows.push(row('redo (one drag step)', redo, ''));
  const copy = time(() => void labels.data.slice(), 50);
  rows.push(row('peer: copy whole 1080p label map', copy, 'what snapshot undo costs per step'));

  const p95 = summarize(brushSeg).p95;
  return {
    title: 'Editing core (1920×1080 label map)',
    columns: ['operation', 'p50 ms', 'p95 ms', 'runs', 'note'],
    rows,
    notes: [`brush segment p95 ${p95.toFixed(2)} ms vs target 16 ms: ${p95 < 16 ? 'PASS' : 'FAIL'}`, `history bytes after ${h.undoLabels.length} drags: ${(h.bytes / 1024).toFixed(0)} KiB`],
  };
}

await runIfMain(import.meta.url, bench);
