/** Builders for tests: a fake video file, an engine run folder, a class list. */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LabelMap } from '../../core/types.ts';
import { encodeLabelPng } from './label-png.ts';
import type { ClassInfo } from './types.ts';
import { LOCK_FILE, type LockOwner } from './lock.ts';

export const CAMVID_CLASSES: ClassInfo[] = [
  { id: 0, name: 'Sky', color: [128, 128, 128] },
  { id: 1, name: 'Building', color: [128, 0, 0] },
  { id: 2, name: 'Pole', color: [192, 192, 128] },
  { id: 3, name: 'Road', color: [128, 64, 128] },
  { id: 4, name: 'Pavement', color: [60, 40, 222] },
  { id: 5, name: 'Tree', color: [128, 128, 0] },
  { id: 6, name: 'SignSymbol', color: [192, 128, 128] },
  { id: 7, name: 'Fence', color: [64, 64, 128] },
  { id: 8, name: 'Car', color: [64, 0, 128] },
  { id: 9, name: 'Pedestrian', color: [64, 64, 0] },
  { id: 10, name: 'Bicyclist', color: [0, 128, 192] },
];

export async function tempDir(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `vss-${prefix}-`));
}

/** A stand-in video file (only its size and mtime matter to projects). */
export async function fakeVideo(dir: string, bytes = 1000, name = 'clip.mp4'): Promise<string> {
  const p = join(dir, name);
  await writeFile(p, Buffer.alloc(bytes, 7));
  return p;
}

/** Frame i of a synthetic run: top half class i % 11, bottom half road (3), 1 px void border. */
export function syntheticLabels(i: number, w = 8, h = 6): LabelMap {
  const data = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) data.fill(y < h / 2 ? i % 11 : 3, y * w, (y + 1) * w);
  data[0] = 11;
  return { width: w, height: h, data };
}

export function stemOf(i: number): string {
  return String(i).padStart(6, '0');
}

/** Writes an engine run folder with `n` frames; `labelsOf(i)` gives the labels of frame i. */
export async function fakeRun(dir: string, n: number, labelsOf: (i: number) => LabelMap = (i) => syntheticLabels(i), mode = 'keyframe'): Promise<string> {
  await mkdir(join(dir, 'labels'), { recursive: true });
  await mkdir(join(dir, 'confidence'), { recursive: true });
  for (let i = 0; i < n; i++) {
    const l = labelsOf(i);
    await writeFile(join(dir, 'labels', `${stemOf(i)}.png`), encodeLabelPng(l));
    await writeFile(join(dir, 'confidence', `${stemOf(i)}.png`), encodeLabelPng({ ...l, data: new Uint8Array(l.data.length).fill(200) }));
  }
  await writeFile(join(dir, 'summary.json'), JSON.stringify({ mode, frames: n, keyFrames: [0, Math.max(0, n - 1)], tc: 0.9, settings: { keyInterval: 5 }, records: [] }));
  return dir;
}

/**
 * Another live process holding the project lock of `dir` (as a running app would): a child
 * that idles, named in the lock file. stop() ends the child (the lock file stays, now stale).
 */
export async function lockByLiveProcess(dir: string, owner: LockOwner = 'app'): Promise<{ pid: number; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  await once(child, 'spawn');
  const pid = child.pid!;
  await writeFile(join(dir, LOCK_FILE), JSON.stringify({ pid, hostname: hostname(), owner, since: new Date().toISOString() }));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGKILL');
    await exited;
  };
  return { pid, stop };
}
