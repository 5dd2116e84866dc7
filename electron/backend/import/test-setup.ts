/** The project the import tests start from. */
import { join } from 'node:path';
import { stemMapFor } from '../../core/frame-stems.ts';
import { createProject } from '../project/open.ts';
import { CAMVID_CLASSES, fakeRun, fakeVideo, stemOf, syntheticLabels, tempDir } from '../project/test-fixtures.ts';

const W = 8;
const H = 6;
export const TARGET = { width: W, height: H, frameCount: 4, stems: stemMapFor(null) };

/** A project with an engine track of 4 frames and a correction on frame 2 (Car on the first row). */
export async function setup() {
  const root = await tempDir('import');
  const video = await fakeVideo(root);
  const run = await fakeRun(join(root, 'run'), 4);
  const project = await createProject(join(root, 'proj'), { videoPath: video, classes: CAMVID_CLASSES, ignoreIndex: 11 });
  const track = await project.addTrack(run, 'engine');
  const fixed = syntheticLabels(2);
  fixed.data.fill(8, 0, W);
  await project.saveCorrection(track.id, stemOf(2), fixed);
  return { root, project, track };
}
