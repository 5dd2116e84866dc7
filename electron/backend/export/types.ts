/** Export options shared by every format. */
import type { StemMap } from '../../core/frame-stems.ts';
import type { LabelMap } from '../../core/types.ts';
import type { ClassInfo } from '../project/types.ts';
import type { ExportFrame } from './resolve-track.ts';

export const EXPORT_FORMATS = ['labels', 'color', 'cityscapes', 'cvat', 'coco', 'video'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** One RGBA video frame (display orientation). */
export interface RgbaFrame {
  width: number;
  height: number;
  rgba: Uint8Array;
}

/** Video frame `index` (0-based, presentation order), e.g. from VideoService.frame. */
export type FrameSource = (index: number) => Promise<RgbaFrame>;

export interface ExportProgress {
  format: ExportFormat;
  done: number;
  total: number;
}

export interface ExportOptions {
  format: ExportFormat;
  /** Track id or name, or "corrected" (see resolveExportTrack). */
  track: string;
  /** Output folder; must not exist or be empty unless overwrite. With zip: the archive (".zip" added when missing). */
  out: string;
  /** Write one ZIP archive instead of a folder (every format but "video"; CVAT uploads take it as is). */
  zip?: boolean;
  /** First and last frame index (inclusive) of the track; default all frames. */
  from?: number;
  to?: number;
  /** Overlay corrections on the engine labels (default: true for "corrected", false for a named track). */
  corrected?: boolean;
  /** Replace a non-empty output folder. */
  overwrite?: boolean;
  /** Video frames: needed by "video"; "cityscapes" and "coco" also write the images when given. */
  frames?: FrameSource;
  /** How the track's stems name video frames (default: a video's zero-padded indices). */
  stems?: StemMap;
  onProgress?: (p: ExportProgress) => void;
  signal?: AbortSignal;
  /** cityscapes: split and city folder names (default "train", "vss"). */
  split?: string;
  city?: string;
  /** video: frame rate (default 30) and label opacity 0..1 (default 0.5). */
  fps?: number;
  opacity?: number;
  /** coco: iscrowd value of every annotation (default 0, see docs/export-formats.md). */
  iscrowd?: 0 | 1;
}

export interface ExportResult {
  format: ExportFormat;
  trackId: string;
  corrected: boolean;
  out: string;
  frames: number;
  /** Output files relative to `out` that describe the export (not every PNG). */
  files: string[];
}

/** What a format writer gets: resolved frames and a label loader. */
export interface ExportJob {
  classes: ClassInfo[];
  ignoreIndex: number;
  /** Track frames to export, in order (position in the track, stem, video frame index). */
  frames: ExportFrame[];
  labels: (stem: string) => Promise<LabelMap>;
  /** Temporary output folder (renamed into place when the writer succeeds). */
  dir: string;
  options: ExportOptions;
  /** Reports one more frame done and throws when cancelled. */
  tick: () => void;
}
