/** What every import format reader produces, and the options and report of an import. */
import type { LabelMap } from '../../core/types.ts';
import { IMPORT_FORMAT_NAMES, type ImportFormatName } from '../../shared/contract/imports.ts';

export const IMPORT_FORMATS = IMPORT_FORMAT_NAMES;
export type ImportFormat = ImportFormatName;

/** A class as the source names it; `value` is its pixel value in the maps the reader decodes. */
export interface SourceClass {
  value: number;
  name: string;
  /** The source's own "no label" (CVAT background, Cityscapes unlabeled, classes.json ignoreIndex). */
  void?: boolean;
}

/** One frame of the source. */
export interface SourceFrame {
  /** Where it came from (relative path), for messages. */
  file: string;
  /** Its name without folders and extension: matched against the project's frame stems. */
  name: string;
  /** Other names the same frame may have in the project. */
  altNames?: readonly string[];
  /** A frame index the source states (COCO frame_index, the frame of a Cityscapes name). */
  index: number | null;
  /** The frame's pixel values (SourceClass.value). */
  load(): Promise<LabelMap>;
}

export interface LabelSource {
  classes: SourceClass[];
  /** Pixel values that are not a declared class: void (Cityscapes ids ignored in training) or an error. */
  undeclared: 'void' | 'error';
  frames: SourceFrame[];
  /** Facts worth telling the user (which files were read, assumptions made). */
  notes: string[];
}
