/**
 * exportTrack(project, options): writes one export into a temp folder and renames it into place
 * when complete. Progress is reported per frame; an AbortSignal cancels (VssError CANCELLED, and
 * nothing is left at the destination).
 */
import { VssError } from '../../core/errors.ts';
import type { Project } from '../project/project.ts';
import { frameRange, resolveExportTrack } from './resolve-track.ts';
import { commitStaging, discardStaging, prepareStaging, stagingDir, zipOutPath } from './staging.ts';
import { zipFolder } from '../zip/zip-write.ts';
import { EXPORT_FORMATS, type ExportFormat, type ExportJob, type ExportOptions, type ExportResult } from './types.ts';
import { writeCityscapes } from './write-cityscapes.ts';
import { writeCoco } from './write-coco.ts';
import { writeCvat } from './write-cvat.ts';
import { writeColorPngs, writeLabelPngs } from './write-labels.ts';
import { writeOverlayVideo } from './write-video.ts';
import { resolve } from 'node:path';

const WRITERS: Record<ExportFormat, (job: ExportJob) => Promise<string[]>> = {
  labels: writeLabelPngs,
  color: writeColorPngs,
  cityscapes: writeCityscapes,
  cvat: writeCvat,
  coco: writeCoco,
  video: writeOverlayVideo,
};

function checkAbort(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new VssError('CANCELLED', 'export cancelled');
}

export async function exportTrack(project: Project, options: ExportOptions): Promise<ExportResult> {
  if (!(EXPORT_FORMATS as readonly string[]).includes(options.format)) {
    throw new VssError('BAD_REQUEST', `unknown export format "${options.format}" (use ${EXPORT_FORMATS.join(', ')})`);
  }
  const { track, corrected: correctedByName } = resolveExportTrack(project, options.track);
  const corrected = options.corrected ?? correctedByName;
  const frames = frameRange(await project.frames(track.id), options.from, options.to, options.stems);
  if (options.format === 'video' && !options.frames) throw new VssError('BAD_REQUEST', 'the video export needs the project video (frame source)');
  if (options.zip && options.format === 'video') throw new VssError('BAD_REQUEST', 'the overlay video is one MP4 file: it cannot be zipped');
  checkAbort(options.signal);
  const out = options.zip ? await zipOutPath(resolve(options.out), options.overwrite ?? false) : resolve(options.out);
  // A zip is staged in a temp folder beside the archive, then packed into it atomically.
  const dir = options.zip ? await stagingDir(out) : await prepareStaging(out, options.overwrite ?? false);
  let done = 0;
  const job: ExportJob = {
    classes: project.classes,
    ignoreIndex: project.ignoreIndex,
    frames,
    labels: (stem) => project.loadLabels(track.id, stem, { corrected }),
    dir,
    options,
    tick: () => {
      checkAbort(options.signal);
      options.onProgress?.({ format: options.format, done: ++done, total: frames.length });
    },
  };
  try {
    const files = await WRITERS[options.format](job);
    checkAbort(options.signal);
    if (options.zip) {
      await zipFolder(dir, out);
      await discardStaging(dir);
    } else await commitStaging(dir, out);
    return { format: options.format, trackId: track.id, corrected, out, frames: frames.length, files };
  } catch (e) {
    await discardStaging(dir);
    if (options.signal?.aborted) throw new VssError('CANCELLED', 'export cancelled');
    throw e;
  }
}
