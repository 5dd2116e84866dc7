/** Test helpers: run a mode over a synthetic sequence and score its labels against the exact ground truth. */
import type { ModelBundle } from '../model/bundle.ts';
import { probabilitiesToLabels } from '../model/labels.ts';
import { ConfusionMatrix } from '../metrics/confusion.ts';
import { flowGray, flowSizeFor } from '../segment/flow-gray.ts';
import type { SyntheticFrame } from '../synthetic/generate.ts';
import type { LabelMap, Tensor3 } from '../../core/types.ts';
import { createMode } from './create.ts';
import { MODE_DEFAULTS, type ModeOutput, type ModeSettings } from './types.ts';

export interface ModeRun {
  outputs: ModeOutput[];
  labels: LabelMap[];
  keyFrames: number[];
}

export async function runMode(bundle: ModelBundle, seq: SyntheticFrame[], s: Partial<ModeSettings>): Promise<ModeRun> {
  const mode = createMode(bundle, { ...MODE_DEFAULTS, ...s });
  const { width, height } = seq[0]!.labels;
  const fsize = flowSizeFor(bundle.manifest.input.width, bundle.manifest.input.height, s.flowScale ?? MODE_DEFAULTS.flowScale);
  const outputs: ModeOutput[] = [];
  for (const f of seq) {
    const gray = flowGray(f.rgba, width, height, fsize);
    outputs.push(...(await mode.push({ index: f.index, input: () => bundle.preprocess({ width, height, data: f.rgba }), gray })));
  }
  outputs.push(...(await mode.flush()));
  const labels = outputs.map((o) => probabilitiesToLabels(o.probabilities, width, height).labels);
  return { outputs, labels, keyFrames: outputs.filter((o) => o.key).map((o) => o.index) };
}

export function miou(labels: LabelMap[], seq: SyntheticFrame[]): number {
  const cm = new ConfusionMatrix(11, { ignoreIndex: 11 });
  labels.forEach((l, i) => cm.add(seq[i]!.labels, l));
  return cm.scores().miou;
}

/** Wraps a bundle so that every probability map gets deterministic per-frame noise (flicker). */
export function noisyBundle(b: ModelBundle, amount: number, seed = 1): ModelBundle {
  let state = seed >>> 0;
  const rand = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const noisy = (p: Tensor3): Tensor3 => {
    const n = p.width * p.height;
    const d = Float32Array.from(p.data);
    for (let i = 0; i < n; i++) {
      let sum = 0;
      for (let c = 0; c < p.channels; c++) {
        const v = d[c * n + i]! + amount * rand();
        d[c * n + i] = v;
        sum += v;
      }
      for (let c = 0; c < p.channels; c++) d[c * n + i]! /= sum;
    }
    return { ...p, data: d };
  };
  return { ...b, full: async (x) => noisy(await b.full(x)), head: async (h, l) => noisy(await b.head(h, l)) };
}
