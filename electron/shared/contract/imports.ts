/** Importing labels from other tools: the request (a schema) and what the backend reports. */
import { s, type Infer } from '../../core/schema.ts';

export const IMPORT_FORMAT_NAMES = ['labels', 'cvat', 'coco', 'cityscapes'] as const;
export type ImportFormatName = (typeof IMPORT_FORMAT_NAMES)[number];

/** import.plan and import.start: where from, and into a new track or as corrections of a track. */
export const importRequestSchema = s.object({
  projectId: s.id(),
  format: s.oneOf(IMPORT_FORMAT_NAMES),
  /** A folder, a .zip or (coco) the .json file, on the backend's machine. */
  from: s.path(),
  as: s.oneOf(['track', 'corrections'] as const),
  /** as track: the new track's name. */
  name: s.optional(s.string({ minLength: 1, maxLength: 200 })),
  /** as corrections: the track to correct. */
  trackId: s.optional(s.id()),
  /** as corrections: also replace frames that already have corrections. */
  replaceCorrected: s.optional(s.boolean()),
  /** Source class name → project class name or "void", for names that do not match. */
  map: s.optional(s.record(s.string({ minLength: 1, maxLength: 200 }), { maxKeys: 256 })),
  /** What pixels of an unmatched source class become (default: the import is refused). */
  unmatched: s.optional(s.oneOf(['error', 'void'] as const)),
});
export type ImportRequest = Infer<typeof importRequestSchema>;

export interface ImportClassMatch {
  source: string;
  /** Project class name, "void", or null when unmatched. */
  target: string | null;
  how: 'name' | 'synonym' | 'chosen' | 'void' | 'unmatched';
}

/** What an import will do: the class mapping and which source frames match which video frames. */
export interface ImportPlanInfo {
  format: ImportFormatName;
  from: string;
  as: 'track' | 'corrections';
  trackId: string | null;
  classes: ImportClassMatch[];
  frames: {
    source: number;
    matched: number;
    /** Of the matched, how many by frame number (the others by name). */
    byIndex: number;
    unmatched: string[];
    duplicates: string[];
    notInTrack: string[];
    alreadyCorrected: string[];
  };
  notes: string[];
}
