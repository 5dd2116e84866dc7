/**
 * The decoding floor of an uncached access, for the video bench: what the bundled ffmpeg needs to
 * decode only the pictures a target depends on (the packet feed's pictures: its keyframe, the
 * reference pictures after it, the target; no pushers), with everything around the decoding left
 * out. Each access's pictures are written as an Annex B file and decoded by
 * `ffmpeg -benchmark -i f.h264 -f null -`, whose `rtime` covers the decoding loop (process start,
 * probing and opening the input come before it) and the decoder's own set-up. That set-up is then
 * taken out: the same run with the access's keyframe alone (set-up + one picture) is subtracted,
 * which also takes out one picture, so the floor errs low. No way of driving this decoder can
 * serve the access faster than its floor on the same cores.
 */
import { spawn } from 'node:child_process';
import { open, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildFeed } from '../../electron/backend/video/feed-plan.ts';
import { toolPath } from '../../electron/backend/video/ffmpeg-paths.ts';
import { readCodecConfig } from '../../electron/backend/video/mp4-config.ts';
import type { VideoFileSource } from '../../electron/backend/video/source.ts';

export interface FloorSample {
  target: number;
  /** Pictures decoded (keyframe … target, non-reference pictures left out). */
  pictures: number;
  /** ffmpeg's decode-loop wall time (ms). */
  ms: number;
  /** The same for the keyframe alone (decoder set-up + one picture). */
  keyMs: number;
}

function benchmarkRtime(file: string, threads: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const args = ['-nostdin', '-hide_banner', '-benchmark', '-threads', String(threads), '-f', 'h264', '-i', file, '-f', 'null', '-'];
    const child = spawn(toolPath('ffmpeg'), args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', () => {
      const m = /rtime=([\d.]+)s/.exec(err);
      if (m) resolve(Number(m[1]) * 1000);
      else reject(new Error(`ffmpeg -benchmark printed no rtime: ${err.trim().split('\n').pop() ?? ''}`));
    });
  });
}

/** One floor sample per target (targets the packet feed cannot plan are left out). */
export async function decodeFloor(src: VideoFileSource, targets: number[], threads: number, tmp: string): Promise<FloorSample[]> {
  const cfg = await readCodecConfig(src.info.path, src.probe.streamIndex);
  if (!cfg || !src.packets) return [];
  const fh = await open(src.info.path, 'r');
  const file = join(tmp, 'floor.h264');
  const out: FloorSample[] = [];
  try {
    for (const t of targets) {
      const feed = await buildFeed(fh, src.packets, src.index, cfg, t);
      if (!feed) continue;
      await writeFile(file, Buffer.concat(feed.chunks.slice(0, 2)));
      const keyMs = await benchmarkRtime(file, threads);
      await writeFile(file, Buffer.concat(feed.chunks));
      out.push({ target: t, pictures: feed.pictures, ms: await benchmarkRtime(file, threads), keyMs });
    }
  } finally {
    await fh.close();
    await rm(file, { force: true });
  }
  return out;
}

/** Per access: its decode-loop time less the median keyframe-alone time (never below 0). */
export function floorMs(samples: FloorSample[]): number[] {
  const keys = samples.map((s) => s.keyMs).sort((a, b) => a - b);
  const key = keys.length ? keys[keys.length >> 1]! : 0;
  return samples.map((s) => Math.max(0, s.ms - key));
}
