/**
 * Frame stems (file names in a project: "000042" for a video, the image name for a frames
 * folder) ↔ frame indices (the UI's currency).
 */
import type { VideoInfo } from '../../shared/contract.ts';

export interface StemMap {
  stemOf(index: number): string;
  /** Frame index of a stem, or -1 when it is not a frame of the video. */
  indexOf(stem: string): number;
}

const stripExt = (name: string): string => {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
};

export function stemMapFor(video: Pick<VideoInfo, 'kind' | 'frameNames'> | null): StemMap {
  if (video && video.kind === 'frames' && video.frameNames.length > 0) {
    const stems = video.frameNames.map(stripExt);
    const byStem = new Map(stems.map((s, i) => [s, i]));
    return {
      stemOf: (i) => stems[i] ?? String(i).padStart(6, '0'),
      indexOf: (s) => byStem.get(s) ?? -1,
    };
  }
  return {
    stemOf: (i) => String(i).padStart(6, '0'),
    indexOf: (s) => (/^\d+$/.test(s) ? Number(s) : -1),
  };
}

export function stemsToIndices(map: StemMap, stems: readonly string[]): number[] {
  return stems.map((s) => map.indexOf(s)).filter((i) => i >= 0).sort((a, b) => a - b);
}
