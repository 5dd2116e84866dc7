/** A propagation preview from a PropagateJob (pure; run in the flow worker thread). */
import { applyClassLut } from '../../core/class-list.ts';
import { previewPropagation, type FrameDiff } from '../../core/edit/index.ts';
import type { LabelMap } from '../../core/types.ts';
import { decodeGray8 } from '../segment/png.ts';
import type { JobLabels, PropagateJob } from './protocol.ts';

/** The label map of a job's frame: decoded from its PNG (class LUT applied) when it came as one; undefined when unreadable. */
export function jobLabelMap(l: JobLabels): LabelMap | undefined {
  if (!('png' in l)) return l;
  try {
    const labels = decodeGray8(Buffer.from(l.png.buffer, l.png.byteOffset, l.png.byteLength));
    if (l.lut) applyClassLut(labels.data, l.lut);
    return labels;
  } catch {
    return undefined;
  }
}

export function runPropagateJob(job: PropagateJob): FrameDiff[] {
  const labels = new Map<number, LabelMap>();
  for (const [index, l] of job.labels) {
    const map = jobLabelMap(l);
    if (map) labels.set(index, map);
  }
  const steps = new Map(job.steps.map((s) => [`${s.a}:${s.b}`, s]));
  const skip = new Set(job.skip);
  return previewPropagation(job.correction, (a, b) => steps.get(`${a}:${b}`)?.flow, (f) => labels.get(f), {
    forward: job.forward,
    backward: job.backward,
    skipFrame: (f) => skip.has(f),
    occlusion: (a, b) => steps.get(`${a}:${b}`)?.occluded,
  });
}
