/** A propagation preview from a PropagateJob (pure; run in the flow worker thread). */
import { previewPropagation, type FrameDiff } from '../../core/edit/index.ts';
import type { PropagateJob } from './protocol.ts';

export function runPropagateJob(job: PropagateJob): FrameDiff[] {
  const labels = new Map(job.labels);
  const steps = new Map(job.steps.map((s) => [`${s.a}:${s.b}`, s]));
  const skip = new Set(job.skip);
  return previewPropagation(job.correction, (a, b) => steps.get(`${a}:${b}`)?.flow, (f) => labels.get(f), {
    forward: job.forward,
    backward: job.backward,
    skipFrame: (f) => skip.has(f),
    occlusion: (a, b) => steps.get(`${a}:${b}`)?.occluded,
  });
}
