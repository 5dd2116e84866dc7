/**
 * An engine run into the app's project against `vss segment` into a folder, in the same run
 * (`npm run bench -- engine-project`): a 300-frame H.264 clip, dff K=5 with the tiny test bundle
 * (so the data path, not the model, dominates: the hardest case for the target). Ours: `engine.run`
 * through the backend, results over the worker channel written once into the track, until
 * `engine.done`. Peer: what `vss segment` does, an EngineClient job into an atomic output folder
 * fed by the video service, until its result. One warm-up run each, then alternating repeats;
 * medians. Target: ours ≤ 1.1× the peer's wall time.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBackend } from '../../electron/backend/api.ts';
import { TEST_MODELS_ENV } from '../../electron/backend/workspace/engine-models.ts';
import { makeClip } from '../../electron/backend/video/testing/make-clip.ts';
import { createVideoService } from '../../electron/backend/video/service.ts';
import { segmentSettings } from '../../electron/engine/segment/settings.ts';
import { EngineClient } from '../../electron/engine/worker/client.ts';
import { videoFrameSource } from '../../electron/engine/worker/video-source.ts';
import type { Events } from '../../electron/shared/contract.ts';
import { summarize, type BenchSection, runIfMain } from './types.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const MODEL = 'test-tiny/split';
const FRAMES = 300;
const REPEATS = 3;

async function intoProject(clip: string, home: string): Promise<number> {
  process.env[TEST_MODELS_ENV] = '1'; // the tiny bundle is a test bundle
  const backend = createBackend({ video: createVideoService(), transport: 'browser', version: 'bench', dataDir: home });
  try {
    const p = await backend.handle('project.forVideo', { videoPath: clip, model: join(root, 'native-models', MODEL) });
    const done = new Promise<Events['engine.done']>((resolve) => backend.onEvent((name, payload) => name === 'engine.done' && resolve(payload as Events['engine.done'])));
    const t0 = performance.now();
    await backend.handle('engine.run', { projectId: p.id, model: MODEL, mode: 'dff', settings: { keyInterval: 5 } });
    const end = await done;
    const ms = performance.now() - t0;
    if (end.status !== 'done') throw new Error(`engine run ${end.status}: ${end.message}`);
    return ms;
  } finally {
    await backend.dispose();
    await rm(home, { recursive: true, force: true });
  }
}

async function intoFolder(clip: string, out: string): Promise<number> {
  const svc = createVideoService();
  try {
    const info = await svc.open(clip);
    const settings = segmentSettings({ mode: 'dff', keyInterval: 5, model: join(root, 'native-models', MODEL) });
    const t0 = performance.now();
    await new EngineClient().start({ settings, out, force: true, source: info.path, total: info.frameCount }, videoFrameSource(svc, info)).result;
    return performance.now() - t0;
  } finally {
    await svc.dispose();
    await rm(out, { recursive: true, force: true });
  }
}

export async function bench(): Promise<BenchSection> {
  const dir = await mkdtemp(join(os.tmpdir(), 'vss-bench-ep-'));
  try {
    const clip = await makeClip({ name: 'clip.mp4', dir, width: 640, height: 360, frames: FRAMES, codecArgs: ['-c:v', 'libx264', '-preset', 'ultrafast', '-g', '30', '-bf', '2'] });
    await intoProject(clip, join(dir, 'warm-home'));
    await intoFolder(clip, join(dir, 'warm-out'));
    const ours: number[] = [];
    const peer: number[] = [];
    for (let i = 0; i < REPEATS; i++) {
      ours.push(await intoProject(clip, join(dir, `home-${i}`)));
      peer.push(await intoFolder(clip, join(dir, `out-${i}`)));
    }
    const o = summarize(ours).p50;
    const p = summarize(peer).p50;
    return {
      title: `Engine run into the project vs vss segment into a folder (${FRAMES} frames 640×360, dff K=5, ${MODEL})`,
      columns: ['path', 'wall p50 s', 'runs (s)'],
      rows: [
        ['engine.run → track (ours: worker channel, written once)', (o / 1000).toFixed(2), ours.map((v) => (v / 1000).toFixed(2)).join(', ')],
        ['vss segment → folder (peer)', (p / 1000).toFixed(2), peer.map((v) => (v / 1000).toFixed(2)).join(', ')],
      ],
      notes: [
        `ratio ours / peer: ${(o / p).toFixed(2)}× (target ≤ 1.1×: ${o / p <= 1.1 ? 'met' : 'NOT met'}).`,
        `one warm-up run each, then ${REPEATS} alternating runs; ${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(1)}.`,
      ],
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await runIfMain(import.meta.url, bench);
