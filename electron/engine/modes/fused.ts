/**
 * fused: per-frame probabilities fused over time along optical flow, training-free.
 * - causal (NetWarp-like): F_t = fuseStep(P_t, warp(F_{t-1}, flow t -> t-1), occlusion of t in t-1).
 * - bidirectional (GRFP-like, default offline): the causal forward pass runs continuously; frames
 *   are buffered in windows of W; when a window is full, a backward causal pass runs from its last
 *   frame to its first (B_t = fuseStep(P_t, warp(B_{t+1}, flow t -> t+1), occlusion of t in t+1))
 *   and each output is the confidence-weighted average of F_t and B_t. Outputs are therefore
 *   delayed by up to W-1 frames (latency), and memory is bounded by W frames of grid-sized tensors.
 * Flows are DIS on the grey flow-size images in both directions, resized to the probability grid;
 * occlusion comes from their forward-backward consistency (flow/occlusion.ts).
 */
import type { FlowField, GrayImage, Tensor3 } from '../../core/types.ts';
import { flowResize } from '../../core/warp/flow-resize.ts';
import { KeyWarper } from '../warp/key-warper.ts';
import { occlusionMask } from '../flow/occlusion.ts';
import { combineConfident, fuseStep } from './fuse-step.ts';
import type { KeyModel } from './key-model.ts';
import { flowDisOptions, flowTo } from './propagate.ts';
import { since, zeroTimings, type FusionKind, type Mode, type ModeOutput, type StageTimings } from './types.ts';
import type { DisPreset } from '../flow/dis-options.ts';

export interface FusedOptions {
  fusion: FusionKind;
  window: number;
  fuseCurrent: number;
  fusePrevious: number;
  preset: DisPreset;
  /** Flow size factor (ModeSettings.flowScale). */
  flowScale: number;
}

interface Entry {
  index: number;
  P: Tensor3;
  F: Tensor3;
  timings: StageTimings;
  flowToPrev?: FlowField;
  /** Set when the next frame arrives: flow t -> t+1 on the grid and occlusion of t in t+1. */
  toNext?: FlowField;
  occInNext?: Uint8Array;
}

export function fusedMode(km: KeyModel, o: FusedOptions): Mode {
  const W = Math.max(1, Math.floor(o.window));
  let prev: { gray: GrayImage; F: Tensor3 } | undefined;
  let buffer: Entry[] = [];
  const dis = flowDisOptions(o.preset, o.flowScale);
  /** Each fused result is warped once (a new source every call): the WebAssembly warp still pays off. */
  const warper = new KeyWarper();

  const backward = (): ModeOutput[] => {
    const outs: ModeOutput[] = [];
    let B: Tensor3 | undefined;
    for (let i = buffer.length - 1; i >= 0; i--) {
      const e = buffer[i]!;
      const t0 = performance.now();
      B = B === undefined || !e.toNext ? e.P : fuseStep(e.P, warper.warp(B, e.toNext), e.occInNext, o.fuseCurrent, o.fusePrevious);
      const probabilities = combineConfident(e.F, B);
      e.timings.fuse += since(t0);
      outs.push({ index: e.index, probabilities, key: true, timings: e.timings, ...(e.flowToPrev ? { flowToPrev: e.flowToPrev } : {}) });
    }
    buffer = [];
    return outs.reverse();
  };

  return {
    async push(f) {
      const t = zeroTimings();
      const low = await km.low(f, t);
      const P = await km.output(await km.keyFeatures(f, low, t), low, t);
      const entry: Entry = { index: f.index, P, F: P, timings: t };
      if (prev) {
        const fwd = flowTo(f.gray, prev.gray, dis, t);
        const bwd = flowTo(prev.gray, f.gray, dis, t);
        const t0 = performance.now();
        const fwdG = flowResize(fwd, P.width, P.height);
        const bwdG = flowResize(bwd, P.width, P.height);
        const occHere = occlusionMask(fwdG, bwdG);
        t.flow += since(t0);
        const t1 = performance.now();
        entry.F = fuseStep(P, warper.warp(prev.F, fwdG), occHere, o.fuseCurrent, o.fusePrevious);
        t.fuse += since(t1);
        entry.flowToPrev = fwd;
        const last = buffer[buffer.length - 1];
        if (last && last.index === f.index - 1) {
          const t2 = performance.now();
          last.toNext = bwdG;
          last.occInNext = occlusionMask(bwdG, fwdG);
          last.timings.flow += since(t2);
        }
      }
      prev = { gray: f.gray, F: entry.F };
      if (o.fusion === 'causal') {
        return [{ index: f.index, probabilities: entry.F, key: true, timings: t, ...(entry.flowToPrev ? { flowToPrev: entry.flowToPrev } : {}) }];
      }
      buffer.push(entry);
      return buffer.length >= W ? backward() : [];
    },
    async flush() {
      return o.fusion === 'causal' ? [] : backward();
    },
    info: () => ({ fusion: o.fusion, window: W, fuseCurrent: o.fuseCurrent, fusePrevious: o.fusePrevious, flowPreset: o.preset }),
  };
}
