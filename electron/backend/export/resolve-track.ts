/** Which track and frames an export covers. */
import { VssError } from '../../core/errors.ts';
import { stemMapFor, type StemMap } from '../../core/frame-stems.ts';
import type { Project } from '../project/project.ts';
import type { Track } from '../project/types.ts';

/**
 * "corrected" means the corrected view (engine labels with corrections overlaid) of: the newest
 * track of kind "corrected", else the newest track that has corrections, else the newest track.
 * Any other value is a track id or name.
 */
export function resolveExportTrack(project: Project, name: string): { track: Track; corrected: boolean } {
  const tracks = project.tracks;
  if (name !== 'corrected') return { track: project.track(name), corrected: false };
  if (tracks.length === 0) throw new VssError('NOT_FOUND', 'the project has no tracks to export');
  const rev = [...tracks].reverse();
  const track = rev.find((t) => t.kind === 'corrected') ?? rev.find((t) => project.correctedStems(t.id).length > 0) ?? rev[0]!;
  return { track, corrected: true };
}

/** A frame to export: its position in the track, its file stem and its video frame index. */
export interface ExportFrame {
  index: number;
  stem: string;
  /** Video frame index: the stem's frame in the video (core/frame-stems), else `index`. */
  videoFrame: number;
}

/**
 * Frames [from, to] (inclusive indices into the track's frames), checked. `names` maps stems to
 * video frames (default: a video's zero-padded indices).
 */
export function frameRange(stems: readonly string[], from?: number, to?: number, names: StemMap = stemMapFor(null)): ExportFrame[] {
  const n = stems.length;
  if (n === 0) throw new VssError('NOT_FOUND', 'the track has no frames');
  const a = from ?? 0;
  const b = to ?? n - 1;
  if (!Number.isInteger(a) || !Number.isInteger(b) || a < 0 || b >= n || a > b) {
    throw new VssError('OUT_OF_RANGE', `frames ${a}..${b} are outside the track (0..${n - 1})`);
  }
  const out: ExportFrame[] = [];
  for (let i = a; i <= b; i++) {
    const stem = stems[i]!;
    const videoFrame = names.indexOf(stem);
    out.push({ index: i, stem, videoFrame: videoFrame >= 0 ? videoFrame : i });
  }
  return out;
}
