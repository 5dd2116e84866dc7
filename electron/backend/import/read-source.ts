/** Reads a label source in one of the import formats. */
import { VssError } from '../../core/errors.ts';
import { readCityscapesSource } from './read-cityscapes.ts';
import { readCocoSource } from './read-coco.ts';
import { readCvatSource } from './read-cvat.ts';
import { readLabelsSource, type ProjectClasses } from './read-labels.ts';
import type { SourceFiles } from './source-files.ts';
import { IMPORT_FORMATS, type ImportFormat, type LabelSource } from './types.ts';

export function readSource(format: ImportFormat, src: SourceFiles, project: ProjectClasses): Promise<LabelSource> {
  switch (format) {
    case 'labels':
      return readLabelsSource(src, project);
    case 'cvat':
      return readCvatSource(src);
    case 'coco':
      return readCocoSource(src);
    case 'cityscapes':
      return readCityscapesSource(src);
    default:
      throw new VssError('BAD_REQUEST', `unknown import format "${String(format)}" (use ${IMPORT_FORMATS.join(', ')})`);
  }
}
