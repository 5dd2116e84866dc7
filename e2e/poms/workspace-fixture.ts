/**
 * A fresh workspace per spec (`useSharedWorkspace`) or per test (`startWorkspace`): its own VSS_HOME, a copy of the index clip, and the clip's automatic
 * project prepared with one engine track ("engine": sky above, road below, a car box that moves
 * 2 px right per frame), served by its own `vss serve`.
 */
import { test } from '@playwright/test';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { autoProjectDir } from '../../electron/backend/workspace/project-home.ts';
import { createProject } from '../../electron/backend/project/open.ts';
import { CAMVID_CLASSES, fakeRun } from '../../electron/backend/project/test-fixtures.ts';
import type { LabelMap } from '../../electron/core/types.ts';
import { CLIP } from '../support/clip.ts';
import { fixtures } from '../support/paths.ts';
import { startServe, type ServeProcess } from '../support/serve.ts';

export const TRACK = 'engine';
export const CAR = { x: 100, y: 120, w: 40, h: 24, step: 2, classId: 8 } as const;

export function engineLabels(i: number): LabelMap {
  const { width: w, height: h } = CLIP;
  const data = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) data.fill(y < h / 2 ? 0 : 3, y * w, (y + 1) * w);
  const x0 = CAR.x + i * CAR.step;
  for (let y = CAR.y; y < CAR.y + CAR.h; y++) data.fill(CAR.classId, y * w + x0, y * w + x0 + CAR.w);
  return { width: w, height: h, data };
}

export interface Workspace {
  dir: string;
  clip: string;
  home: string;
  projectDir: string;
  serve: ServeProcess;
  /** Stops the host and starts a new one on the same VSS_HOME (a real reopen from disk). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export async function startWorkspace(srcClip: string, frames: number): Promise<Workspace> {
  const dir = await mkdtemp(join(tmpdir(), 'vss-ws-e2e-'));
  const clip = join(dir, 'drive.mp4');
  await copyFile(srcClip, clip);
  const home = join(dir, 'home');
  const projectDir = autoProjectDir(home, clip);
  const project = await createProject(projectDir, { videoPath: clip, classes: CAMVID_CLASSES, ignoreIndex: 11, frameCount: frames });
  await project.addTrack(await fakeRun(join(dir, 'run'), frames, engineLabels), TRACK);
  const ws: Workspace = {
    dir,
    clip,
    home,
    projectDir,
    serve: await startServe(home),
    restart: async () => {
      await ws.serve.stop();
      ws.serve = await startServe(home);
    },
    stop: async () => {
      await ws.serve.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
  return ws;
}

/**
 * One workspace shared by the tests of a spec file: started before the first test, stopped (and
 * its folder removed) after the last. Returns the accessor the tests use.
 */
export function useSharedWorkspace(): () => Workspace {
  const fx = fixtures();
  let ws: Workspace | undefined;
  test.beforeAll(async () => {
    ws = await startWorkspace(fx.clip, fx.frames);
  });
  test.afterAll(async () => {
    await ws?.stop();
  });
  return () => {
    if (!ws) throw new Error('the shared workspace is used before it started (call it inside a test)');
    return ws;
  };
}
