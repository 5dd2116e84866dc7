/**
 * The Cityscapes layout: gtFine/<split>/<city>/<name>_gtFine_labelIds.png, or, when a dataset
 * has only those, <name>_gtFine_labelTrainIds.png (read by cityscapesScripts' trainId table).
 * labelIds are preferred when both exist (they keep more classes). Ids the table does not list
 * (ego vehicle, static, …) and trainId 255 are void, as Cityscapes training ignores them.
 * <name> is city_sequence_frame: the frame number is the frame index; "<name>_leftImg8bit" is
 * also tried as a frame name (a project opened on Cityscapes' own leftImg8bit images).
 */
import { VssError } from '../../core/errors.ts';
import { CITYSCAPES_IGNORE_TRAIN_ID, CITYSCAPES_LABELS } from '../export/cityscapes-map.ts';
import { naturalCompare } from '../video/natural-sort.ts';
import { decodeGreyPng } from './source-png.ts';
import type { SourceFiles } from './source-files.ts';
import type { LabelSource, SourceClass } from './types.ts';

const KINDS = [
  { suffix: '_gtFine_labelIds.png', value: (l: { id: number }) => l.id, voidValue: 0 },
  { suffix: '_gtFine_labelTrainIds.png', value: (l: { trainId: number }) => l.trainId, voidValue: CITYSCAPES_IGNORE_TRAIN_ID },
] as const;

export async function readCityscapesSource(src: SourceFiles): Promise<LabelSource> {
  for (const kind of KINDS) {
    const files = src.files.filter((f) => f.endsWith(kind.suffix)).sort(naturalCompare);
    if (files.length === 0) continue;
    const classes: SourceClass[] = Object.values(CITYSCAPES_LABELS)
      .filter((l) => kind.value(l) !== kind.voidValue)
      .map((l) => ({ value: kind.value(l), name: l.name }));
    classes.push({ value: kind.voidValue, name: 'unlabeled', void: true });
    const frames = files.map((file) => {
      const name = file.slice(file.lastIndexOf('/') + 1, file.length - kind.suffix.length);
      const frame = /_(\d{1,9})$/.exec(name);
      return {
        file,
        name,
        altNames: [`${name}_leftImg8bit`],
        index: frame ? Number(frame[1]) : null,
        load: async () => decodeGreyPng(await src.read(file), file, 'Cityscapes ids are greyscale; *_gtFine_color.png cannot be imported'),
      };
    });
    return { classes, undeclared: 'void', frames, notes: [`${files.length} *${kind.suffix} files`] };
  }
  throw new VssError('NOT_FOUND', `${src.label} has no *_gtFine_labelIds.png or *_gtFine_labelTrainIds.png (not a Cityscapes layout)`);
}
