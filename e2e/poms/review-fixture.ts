/**
 * A fresh review workspace per spec: its own VSS_HOME, a copy of the index clip and its automatic
 * project with two tracks, "engine" (sky above, road below, a car moving 2 px right per frame;
 * see workspace-fixture.ts) and "shifted" (the same with the car 12 px further right), so the
 * track diff sits exactly on the car's edges. Served by its own `vss serve`.
 */
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { autoProjectDir } from '../../electron/backend/workspace/project-home.ts';
import { createProject } from '../../electron/backend/project/open.ts';
import { CAMVID_CLASSES, fakeRun } from '../../electron/backend/project/test-fixtures.ts';
import { startServe, type ServeProcess } from '../support/serve.ts';
import { CAR, engineLabels } from './workspace-fixture.ts';

export const SHIFT = 12;

export interface ReviewWorkspace {
  clip: string;
  home: string;
  projectDir: string;
  serve: ServeProcess;
  /** keyFrames of a track's summary.json (what the engine reported). */
  summaryKeyFrames(trackId: string): Promise<number[]>;
  stop(): Promise<void>;
}

export async function startReviewWorkspace(srcClip: string, frames: number, opts: { tracks: boolean }): Promise<ReviewWorkspace> {
  const dir = await mkdtemp(join(tmpdir(), 'vss-review-e2e-'));
  const clip = join(dir, 'drive.mp4');
  await copyFile(srcClip, clip);
  const home = join(dir, 'home');
  const projectDir = autoProjectDir(home, clip);
  if (opts.tracks) {
    const project = await createProject(projectDir, { videoPath: clip, classes: CAMVID_CLASSES, ignoreIndex: 11, frameCount: frames });
    await project.addTrack(await fakeRun(join(dir, 'run-a'), frames, engineLabels), 'engine');
    const shifted = (i: number) => {
      const l = engineLabels(i);
      const w = l.width;
      const x0 = CAR.x + i * CAR.step;
      for (let y = CAR.y; y < CAR.y + CAR.h; y++) {
        l.data.fill(3, y * w + x0, y * w + x0 + CAR.w);
        l.data.fill(CAR.classId, y * w + x0 + SHIFT, y * w + x0 + SHIFT + CAR.w);
      }
      return l;
    };
    await project.addTrack(await fakeRun(join(dir, 'run-b'), frames, shifted), 'shifted');
  }
  const serve = await startServe(home);
  return {
    clip,
    home,
    projectDir,
    serve,
    async summaryKeyFrames(trackId) {
      const s = JSON.parse(await readFile(join(projectDir, 'tracks', trackId, 'summary.json'), 'utf8')) as { keyFrames: number[] };
      return s.keyFrames;
    },
    stop: async () => {
      await serve.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
