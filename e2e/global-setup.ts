/**
 * Generates the test clips and starts one `vss serve` (port 0, fresh VSS_HOME) for the browser
 * specs. Fixtures reach the specs through VSS_E2E_FIXTURES; the returned function stops the host.
 */
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeIndexClip } from './support/clip.ts';
import { startServe } from './support/serve.ts';
import type { E2EFixtures } from './support/paths.ts';

export const CLIP_FRAMES = 60;

export default async function globalSetup(): Promise<() => Promise<void>> {
  // The specs run the test-tiny bundles; the model list offers them only when asked (the hosts and
  // the Electron app the specs start inherit this).
  process.env.VSS_TEST_MODELS = '1';
  // Tiny models finish a run faster than the UI can be observed mid-run: pace them (20 ms a frame).
  process.env.VSS_TEST_ENGINE_FRAME_MS = '20';
  const dir = mkdtempSync(join(tmpdir(), 'vss-e2e-'));
  const clip = await makeIndexClip(dir, CLIP_FRAMES);
  const fakeMp4 = join(dir, 'not-a-video.mp4');
  writeFileSync(fakeMp4, 'this is a text file, not a video\n');
  const home = join(dir, 'home');
  const serve = await startServe(home);
  const fx: E2EFixtures = { url: serve.url, clip, frames: CLIP_FRAMES, missing: join(dir, 'missing.mp4'), fakeMp4, home };
  process.env.VSS_E2E_FIXTURES = JSON.stringify(fx);
  return async () => {
    await serve.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
