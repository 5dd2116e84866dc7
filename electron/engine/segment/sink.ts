/**
 * Where a run's per-frame outputs go (runSegment does not care):
 * - folderSink: label and confidence PNGs in <dir>/labels and <dir>/confidence plus summary.json
 *   (`vss segment`, benchmarks; the folder is the temporary sibling job.ts renames at the end);
 * - channelSink: each frame's labels and confidence handed to `post` as buffers the caller may
 *   transfer (the engine worker posts them to the backend, which writes them once into the
 *   project's track). A frame counts as stored once posted.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { OutputWriter } from './output-writer.ts';
import type { SegmentSummary } from './types.ts';

/** One frame's outputs; labels and confidence are this result's own buffers. */
export interface FrameResult {
  index: number;
  stem: string;
  width: number;
  height: number;
  labels: Uint8Array;
  confidence: Uint8Array;
}

export interface FrameSink {
  /**
   * Queues one frame's outputs; `onStored` runs once the frame is readable. Resolves when there is
   * room for another (back-pressure). `labels` stays the caller's (it is copied if kept).
   */
  put(r: FrameResult, onStored: () => void): Promise<void>;
  /** Waits until every frame is stored; throws the first failure. */
  drain(): Promise<void>;
  /** Waits for what is queued without throwing (a failed run settles before clean-up). */
  settle(): Promise<void>;
  /** Stores the run's summary. */
  finish(summary: SegmentSummary): Promise<void>;
}

export async function folderSink(dir: string): Promise<FrameSink> {
  await mkdir(join(dir, 'labels'), { recursive: true });
  await mkdir(join(dir, 'confidence'), { recursive: true });
  const writer = new OutputWriter();
  return {
    async put(r, onStored) {
      let left = 2;
      const one = (): void => {
        if (--left === 0) onStored();
      };
      await writer.write(join(dir, 'labels', `${r.stem}.png`), r.width, r.height, r.labels, one);
      await writer.write(join(dir, 'confidence', `${r.stem}.png`), r.width, r.height, r.confidence, one);
    },
    drain: () => writer.drain(),
    settle: () => writer.settle(),
    finish: (summary) => writeFile(join(dir, 'summary.json'), JSON.stringify(summary, null, 1) + '\n'),
  };
}

/** Hands each frame to `post` (labels copied: the run keeps using its own for the TC analysis). */
export function channelSink(post: (r: FrameResult) => void): FrameSink {
  return {
    async put(r, onStored) {
      post({ ...r, labels: r.labels.slice() });
      onStored();
    },
    drain: async () => undefined,
    settle: async () => undefined,
    finish: async () => undefined,
  };
}
