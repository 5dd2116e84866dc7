/**
 * Opening 20 videos one after another (`npm run bench -- open-many`): each is opened like the UI
 * does (video.open, project.forVideo, one frame fetched). Ours: the workspace keeps at most 3
 * projects with their videos open. Peer in the same run: a workspace that keeps everything open
 * (maxOpen 100), as before closing existed. Reported after 1, 5, 10 and 20 videos: resident memory
 * of this process and the number of child processes (decoders), from /proc (Linux).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBackend } from '../../electron/backend/api.ts';
import { makeClip } from '../../electron/backend/video/testing/make-clip.ts';
import { createVideoService } from '../../electron/backend/video/service.ts';
import { type BenchSection, runIfMain } from './types.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const MODEL = join(root, 'native-models', 'test-tiny', 'single');
const VIDEOS = 20;
const REPORT_AT = new Set([1, 5, 10, 20]);

function children(): number {
  try {
    return readdirSync('/proc/self/task').reduce((n, tid) => n + (readFileSync(`/proc/self/task/${tid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).length), 0);
  } catch {
    return Number.NaN;
  }
}

async function openMany(dir: string, maxOpen: number): Promise<string[][]> {
  const clip = join(dir, 'clip.mp4');
  const backend = createBackend({ video: createVideoService(), transport: 'browser', version: 'bench', dataDir: join(dir, `home-${maxOpen}`), workspace: { maxOpen } });
  const rows: string[][] = [];
  try {
    for (let i = 1; i <= VIDEOS; i++) {
      const path = join(dir, `v${maxOpen}-${i}.mp4`);
      await copyFile(clip, path);
      const info = await backend.handle('video.open', { path });
      await backend.handle('project.forVideo', { videoPath: path, model: MODEL });
      await backend.frame(info.id, 10);
      if (!REPORT_AT.has(i)) continue;
      global.gc?.();
      const label = maxOpen >= VIDEOS ? 'keep all open (peer)' : `at most ${maxOpen} open (ours)`;
      rows.push([label, String(i), String(backend.workspace.video.list().length), String(children()), (process.memoryUsage().rss / 2 ** 20).toFixed(0)]);
    }
  } finally {
    await backend.dispose();
  }
  return rows;
}

export async function bench(): Promise<BenchSection> {
  const dir = await mkdtemp(join(os.tmpdir(), 'vss-bench-open-'));
  try {
    await makeClip({ name: 'clip.mp4', dir, width: 1280, height: 720, frames: 60, codecArgs: ['-c:v', 'libx264', '-preset', 'ultrafast', '-g', '30'] });
    const rows = [...(await openMany(dir, 3)), ...(await openMany(dir, 100))];
    return {
      title: `Opening ${VIDEOS} videos one after another (1280×720 H.264)`,
      columns: ['workspace', 'videos opened', 'open now', 'child processes', 'RSS MiB'],
      rows,
      notes: [
        'Each video: video.open, project.forVideo, frame 10 fetched (starts its decoders). RSS of this process (frame cache included); child processes from /proc/self/task/*/children.',
        `${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(1)}.`,
      ],
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await runIfMain(import.meta.url, bench);
