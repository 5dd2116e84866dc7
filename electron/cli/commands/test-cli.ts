/** Test helpers for CLI commands: run `vss` in-process, and a project on a real 4-frame clip. */
import { join } from 'node:path';
import { main } from '../main.ts';
import { createProject } from '../../backend/project/open.ts';
import { CAMVID_CLASSES, fakeRun, syntheticLabels, tempDir } from '../../backend/project/test-fixtures.ts';
import { makeClip } from '../../backend/video/testing/make-clip.ts';

export async function cli(argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out, err };
}

/** A 32x24 H.264 clip of 4 frames and a project with its engine track "engine". */
export async function clipProject(prefix: string) {
  const root = await tempDir(prefix);
  const video = await makeClip({ name: 'clip.mp4', dir: root, width: 32, height: 24, frames: 4, codecArgs: ['-c:v', 'libx264', '-g', '4'] });
  const run = await fakeRun(join(root, 'run'), 4, (i) => syntheticLabels(i, 32, 24));
  const project = await createProject(join(root, 'proj'), { videoPath: video, classes: CAMVID_CLASSES, ignoreIndex: 11, frameCount: 4 });
  await project.addTrack(run, 'engine');
  return { root, video, project };
}
