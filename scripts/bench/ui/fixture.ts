/**
 * The UI benchmark's data: a short 1080p clip, its automatic project with two synthetic engine
 * tracks at full resolution ("engine": sky, road, a car moving 8 px per frame and a few blobs;
 * "shifted": the car 24 px further right, so the track diff is non-empty), served by its own
 * `vss serve` on port 0 with a fresh VSS_HOME. The renderer is rebuilt first when its sources
 * are newer than dist/renderer (the paint marks must be in the build).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { autoProjectDir } from '../../../electron/backend/workspace/project-home.ts';
import { createProject } from '../../../electron/backend/project/open.ts';
import { CAMVID_CLASSES, fakeRun } from '../../../electron/backend/project/test-fixtures.ts';
import { makeClip } from '../../../electron/backend/video/testing/make-clip.ts';
import { REPO_ROOT, RENDERER_DIST } from '../../../electron/backend/host/renderer-build.ts';
import type { LabelMap } from '../../../electron/core/types.ts';
import { startServe, type ServeProcess } from '../../../e2e/support/serve.ts';

export const W = 1920;
export const H = 1080;
export const CAR = { x: 200, y: 600, w: 360, h: 200, step: 8, classId: 8 } as const;

export function labelsOf(i: number, shift = 0): LabelMap {
  const data = new Uint8Array(W * H);
  for (let y = 0; y < H; y++) data.fill(y < H * 0.45 ? 0 : y < H * 0.6 ? 1 : 3, y * W, (y + 1) * W);
  const x0 = CAR.x + i * CAR.step + shift;
  for (let y = CAR.y; y < CAR.y + CAR.h; y++) data.fill(CAR.classId, y * W + x0, y * W + x0 + CAR.w);
  for (let b = 0; b < 12; b++) {
    const bx = (b * 151 + i * 3) % (W - 80);
    const by = 100 + ((b * 89) % 300);
    for (let y = by; y < by + 40; y++) data.fill(4 + (b % 4), y * W + bx, y * W + bx + 80);
  }
  return { width: W, height: H, data };
}

function newestMtime(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return t;
}

async function ensureFreshRenderer(): Promise<void> {
  const index = join(RENDERER_DIST, 'index.html');
  const src = Math.max(newestMtime(join(REPO_ROOT, 'renderer', 'src')), newestMtime(join(REPO_ROOT, 'electron', 'shared')));
  if (existsSync(index) && statSync(index).mtimeMs >= src) return;
  const { build } = await import('vite');
  await build({ configFile: join(REPO_ROOT, 'renderer', 'vite.config.ts'), logLevel: 'warn' });
}

export interface UiFixture {
  clip: string;
  frames: number;
  serve: ServeProcess;
  stop(): Promise<void>;
}

export async function startUiFixture(frames = 60): Promise<UiFixture> {
  await ensureFreshRenderer();
  const dir = await mkdtemp(join(tmpdir(), 'vss-bench-ui-'));
  const clip = await makeClip({ name: 'drive-1080p.mp4', dir, width: W, height: H, frames, fps: 25, codecArgs: ['-c:v', 'libx264', '-preset', 'veryfast', '-crf', '20', '-bf', '2', '-g', '12'] });
  const home = join(dir, 'home');
  const project = await createProject(autoProjectDir(home, clip), { videoPath: clip, classes: CAMVID_CLASSES, ignoreIndex: 11, frameCount: frames });
  await project.addTrack(await fakeRun(join(dir, 'run-a'), frames, (i) => labelsOf(i)), 'engine');
  await project.addTrack(await fakeRun(join(dir, 'run-b'), frames, (i) => labelsOf(i, 24)), 'shifted');
  const serve = await startServe(home);
  return {
    clip,
    frames,
    serve,
    stop: async () => {
      await serve.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
