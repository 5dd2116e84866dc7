/**
 * The offline pipeline: frames in, label and confidence PNGs plus summary.json out (into `dir`,
 * normally the temporary sibling of the final output folder, see job.ts). Pure engine + fs: the
 * worker and the benchmarks call it directly.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { VssError } from '../../backend/errors.ts';
import { disFlow } from '../flow/dis.ts';
import type { ModelBundle } from '../model/bundle.ts';
import { probabilitiesToLabels } from '../model/labels.ts';
import { createMode } from '../modes/create.ts';
import type { ModeOutput } from '../modes/types.ts';
import type { GrayImage, LabelMap } from '../types.ts';
import { flowGray, flowSizeFor } from './flow-gray.ts';
import { encodeGray8 } from './png.ts';
import { buildSummary } from './summary.ts';
import { resizeLabelsNearest, temporalConsistency } from './tc.ts';
import type { FrameRecord, SegmentProgress, SegmentSettings, SegmentSummary, SourceFrame } from './types.ts';

export interface RunHooks {
  signal?: AbortSignal;
  onProgress?(p: SegmentProgress): void;
  /** Called after each frame's outputs are written (the worker acks frames with it). */
  onFrameDone?(index: number): void;
  /** Test hook: throw while processing this frame index. */
  failAtFrame?: number;
}

export interface RunInput {
  bundle: ModelBundle;
  settings: SegmentSettings;
  frames: AsyncIterable<SourceFrame>;
  total: number;
  source: string;
  loadMs: number;
  dir: string;
}

interface Pending {
  frame: SourceFrame;
  start: number;
  gray: GrayImage;
}

function checkCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new VssError('CANCELLED', 'cancelled');
}

export async function runSegment(input: RunInput, hooks: RunHooks = {}): Promise<SegmentSummary> {
  const { bundle, settings, dir } = input;
  await mkdir(join(dir, 'labels'), { recursive: true });
  await mkdir(join(dir, 'confidence'), { recursive: true });
  const mode = createMode(bundle, settings);
  const classes = bundle.manifest.classes.length;
  const fsize = flowSizeFor(bundle.manifest.input.width, bundle.manifest.input.height, settings.flowScale);
  const pending = new Map<number, Pending>();
  const records: FrameRecord[] = [];
  let prev: { gray: GrayImage; small: LabelMap } | undefined;
  let analysisMs = 0;
  let width = 0;
  let height = 0;
  const t0 = performance.now();

  const finish = async (o: ModeOutput): Promise<void> => {
    const p = pending.get(o.index);
    if (!p) throw new Error(`mode returned unknown frame ${o.index}`);
    pending.delete(o.index);
    const { frame } = p;
    const { labels, confidence } = probabilitiesToLabels(o.probabilities, frame.width, frame.height);
    const total = performance.now() - p.start;
    await writeFile(join(dir, 'labels', `${frame.stem}.png`), encodeGray8(frame.width, frame.height, labels.data));
    await writeFile(join(dir, 'confidence', `${frame.stem}.png`), encodeGray8(frame.width, frame.height, confidence));
    const classPixels = new Array<number>(classes).fill(0);
    for (let i = 0; i < labels.data.length; i++) classPixels[labels.data[i]!]!++;
    let tcPrev: number | null = null;
    if (settings.tc) {
      const ta = performance.now();
      const small = resizeLabelsNearest(labels, fsize.width, fsize.height);
      if (prev) {
        const flow = o.flowToPrev ?? disFlow(p.gray, prev.gray, { preset: settings.preset });
        tcPrev = temporalConsistency(prev.small, small, flow, classes);
      }
      prev = { gray: p.gray, small };
      analysisMs += performance.now() - ta;
    }
    records.push({ index: o.index, stem: frame.stem, key: o.key, tcPrev, classPixels, timings: { ...o.timings, decode: frame.decodeMs, total } });
    hooks.onFrameDone?.(o.index);
    const elapsed = (performance.now() - t0 - analysisMs) / 1000;
    const fps = records.length / Math.max(elapsed, 1e-6);
    hooks.onProgress?.({ done: records.length, total: input.total, fps, etaSec: Math.max(0, input.total - records.length) / Math.max(fps, 1e-6) });
  };

  for await (const frame of input.frames) {
    checkCancelled(hooks.signal);
    if (hooks.failAtFrame === frame.index) throw new Error(`test failure injected at frame ${frame.index}`);
    if (records.length === 0 && pending.size === 0) {
      width = frame.width;
      height = frame.height;
    }
    const start = performance.now();
    const tg = performance.now();
    const gray = flowGray(frame.rgba, frame.width, frame.height, fsize);
    const grayMs = performance.now() - tg;
    pending.set(frame.index, { frame, start, gray });
    const outs = await mode.push({ index: frame.index, input: bundle.preprocess({ width: frame.width, height: frame.height, data: frame.rgba }), gray });
    for (const o of outs) {
      o.timings.flow += o.index === frame.index ? grayMs : 0;
      await finish(o);
    }
  }
  checkCancelled(hooks.signal);
  for (const o of await mode.flush()) await finish(o);
  const elapsedSec = (performance.now() - t0 - analysisMs) / 1000;
  const summary = buildSummary({ bundle, settings, records, source: input.source, loadMs: input.loadMs, elapsedSec, width, height, modeInfo: mode.info() });
  await writeFile(join(dir, 'summary.json'), JSON.stringify(summary, null, 1) + '\n');
  return summary;
}
