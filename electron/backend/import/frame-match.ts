/**
 * Which project frame each source frame labels: the same name as a project frame's stem (or one of
 * the source's other names for it), else the frame index the source states or its name as a
 * number ("12" or "000012" → frame 12). Frames that match nothing, a frame labelled twice, and
 * (for corrections) frames the track has no labels for are reported, never guessed.
 */
import type { StemMap } from '../../core/frame-stems.ts';
import type { SourceFrame } from './types.ts';

export interface FrameTarget {
  frameCount: number;
  stems: StemMap;
  /** Only these stems may be written (corrections need the track's own labels). */
  allowed?: ReadonlySet<string>;
}

export interface MatchedFrame {
  frame: SourceFrame;
  index: number;
  stem: string;
  by: 'name' | 'index';
}

export interface FrameMatch {
  matched: MatchedFrame[];
  /** Source files that name no frame of the video. */
  unmatched: string[];
  /** Source files whose frame another source file already labels. */
  duplicates: string[];
  /** Source files whose frame the target track has no labels for. */
  notInTrack: string[];
}

function locate(f: SourceFrame, target: FrameTarget): { index: number; by: MatchedFrame['by'] } | null {
  for (const name of [f.name, ...(f.altNames ?? [])]) {
    const i = target.stems.indexOf(name);
    if (i >= 0 && i < target.frameCount && target.stems.stemOf(i) === name) return { index: i, by: 'name' };
  }
  const n = f.index ?? (/^\d{1,9}$/.test(f.name) ? Number(f.name) : null);
  return n !== null && n < target.frameCount ? { index: n, by: 'index' } : null;
}

export function matchFrames(frames: readonly SourceFrame[], target: FrameTarget): FrameMatch {
  const out: FrameMatch = { matched: [], unmatched: [], duplicates: [], notInTrack: [] };
  const taken = new Set<number>();
  for (const f of frames) {
    const hit = locate(f, target);
    if (!hit) out.unmatched.push(f.file);
    else if (taken.has(hit.index)) out.duplicates.push(f.file);
    else {
      const stem = target.stems.stemOf(hit.index);
      if (target.allowed && !target.allowed.has(stem)) out.notInTrack.push(f.file);
      else {
        taken.add(hit.index);
        out.matched.push({ frame: f, index: hit.index, stem, by: hit.by });
      }
    }
  }
  out.matched.sort((a, b) => a.index - b.index);
  return out;
}
