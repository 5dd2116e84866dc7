/** Opens a folder of frames (PNG or JPG), in natural order; all frames must share one size. */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { VssError } from '../../core/errors.ts';
import { imageSize } from './image-size.ts';
import { naturalSort } from './natural-sort.ts';
import type { FramesFolderSource, SourceInfo } from './source.ts';

export const IMAGE_EXT = /\.(png|jpe?g)$/i;
/** Frame rate of a frames folder unless the user sets one (a folder has no timing of its own). */
export const FOLDER_FPS = 30;

/** The timing of `n` frames shown at `fps`: frame i at i / fps seconds. */
export function folderTiming(n: number, fps: number): Pick<SourceInfo, 'fps' | 'durationSec' | 'timestamps'> {
  return { fps, durationSec: n / fps, timestamps: Array.from({ length: n }, (_, i) => Math.round((i / fps) * 1e6) / 1e6) };
}

export async function openFramesFolder(dir: string, fps = FOLDER_FPS): Promise<FramesFolderSource> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = naturalSort(entries.filter((e) => e.isFile() && IMAGE_EXT.test(e.name)).map((e) => e.name));
  if (names.length === 0) {
    const what = entries.length === 0 ? 'folder is empty' : 'folder has no PNG or JPG frames';
    throw new VssError('NOT_FOUND', `${what}: ${dir}`);
  }
  const files = names.map((n) => join(dir, n));
  const sizes = await Promise.all(files.map((f) => imageSize(f)));
  const first = sizes[0];
  if (!first) throw new VssError('CORRUPT', `not a readable PNG or JPG: ${files[0]}`);
  sizes.forEach((s, i) => {
    if (!s) throw new VssError('CORRUPT', `not a readable PNG or JPG: ${files[i]}`);
    if (s.width !== first.width || s.height !== first.height) {
      throw new VssError(
        'UNSUPPORTED',
        `frames differ in size: ${names[0]} is ${first.width}x${first.height} but ${names[i]} is ${s.width}x${s.height}`,
      );
    }
  });
  const n = names.length;
  return {
    kind: 'frames',
    files,
    info: {
      path: dir,
      kind: 'frames',
      width: first.width,
      height: first.height,
      frameCount: n,
      codec: IMAGE_EXT.exec(names[0]!)![1]!.toLowerCase().replace('jpeg', 'jpg'),
      variableFrameRate: false,
      rotation: 0,
      ...folderTiming(n, fps),
      frameNames: names,
      warnings: [],
      badFrames: [],
    },
  };
}
