/**
 * Frame stems (file names in a project and in `vss segment`'s output: "000042" for a video, the
 * image name without extension for a frames folder) ↔ frame indices (the UI's currency). The one
 * place that knows how a frame is named.
 */

/** What naming needs to know of a source (VideoInfo has these fields). */
export interface StemSource {
  kind: 'video' | 'frames';
  /** File names of a frames folder, in frame order; empty for a video. */
  frameNames: readonly string[];
}

export interface StemMap {
  stemOf(index: number): string;
  /** Frame index of a stem, or -1 when it is not a frame of the source. */
  indexOf(stem: string): number;
}

/** A video frame's stem: its index, zero-padded to 6 digits. */
const paddedIndex = (i: number): string => String(i).padStart(6, '0');

const stripExt = (name: string): string => {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
};

/**
 * The stem map of a source; null (source unknown, e.g. a project whose video is missing) names
 * frames as a video does.
 */
export function stemMapFor(source: StemSource | null): StemMap {
  if (source && source.kind === 'frames' && source.frameNames.length > 0) {
    const stems = source.frameNames.map(stripExt);
    const byStem = new Map(stems.map((s, i) => [s, i]));
    return {
      stemOf: (i) => stems[i] ?? paddedIndex(i),
      indexOf: (s) => byStem.get(s) ?? -1,
    };
  }
  return {
    stemOf: paddedIndex,
    indexOf: (s) => (/^\d{1,9}$/.test(s) ? Number(s) : -1),
  };
}

/** Stem of frame `index` of `source` (the same name stemMapFor(source).stemOf gives). */
export function frameStem(source: StemSource, index: number): string {
  const name = source.kind === 'frames' ? source.frameNames[index] : undefined;
  return name !== undefined ? stripExt(name) : paddedIndex(index);
}

export function stemsToIndices(map: StemMap, stems: readonly string[]): number[] {
  return stems.map((s) => map.indexOf(s)).filter((i) => i >= 0).sort((a, b) => a - b);
}
