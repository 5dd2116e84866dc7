/**
 * Ctrl+C: `vss segment` as a real process gets SIGINT mid-run and exits 130 leaving no output or
 * temp folder; `vss export` interrupted mid-export exits 130 and removes its staging folder.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';
import { main } from './main.ts';
import { createProject } from '../backend/project/open.ts';
import { CAMVID_CLASSES, fakeRun, fakeVideo, syntheticLabels, tempDir } from '../backend/project/test-fixtures.ts';
import { TINY_SPLIT } from '../engine/model/testing.ts';
import { generateSequence } from '../engine/synthetic/generate.ts';

const BIN = fileURLToPath(new URL('../../bin/vss.mjs', import.meta.url));
let root = '';
before(async () => {
  root = await tempDir('cli-interrupt');
});
after(() => rm(root, { recursive: true, force: true }));

test('SIGINT during vss segment: exit 130, no --out folder and no temp folder left', async () => {
  const frames = join(root, 'frames');
  await mkdir(frames);
  for (const f of generateSequence({ width: 96, height: 64, frames: 40 })) {
    const png = new PNG({ width: 96, height: 64 });
    png.data = Buffer.from(f.rgba);
    await writeFile(join(frames, `f${String(f.index).padStart(3, '0')}.png`), PNG.sync.write(png));
  }
  const runs = join(root, 'runs');
  await mkdir(runs);
  // Paced at 10 fps, the 40 frames take 4 s at least: the signal lands mid-run.
  const args = [BIN, 'segment', frames, '--model', TINY_SPLIT, '--out', join(runs, 'out'), '--realtime', '--realtime-fps', '10', '--progress'];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  let stdout = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
    if (/segment: \d+\/40 frames/.test(stderr)) child.kill('SIGINT');
  });
  const code = await exited;
  assert.equal(code, 130, stderr);
  assert.match(stderr, /^vss segment: interrupted$/m);
  assert.equal(stdout, '');
  assert.deepEqual(await readdir(runs), [], 'nothing left beside --out');
});

test('an interrupted vss export exits 130 and removes its staging folder', async () => {
  const run = await fakeRun(join(root, 'run'), 12, (i) => syntheticLabels(i, 32, 24));
  const project = await createProject(join(root, 'proj'), { videoPath: await fakeVideo(root), classes: CAMVID_CLASSES, ignoreIndex: 11, frameCount: 12 });
  await project.addTrack(run, 'engine');
  const exports = join(root, 'exports');
  await mkdir(exports);
  const ctrl = new AbortController();
  const err: string[] = [];
  const io = {
    out: () => undefined,
    err: (t: string) => {
      err.push(t);
      if (t.startsWith('export labels: ')) ctrl.abort('SIGINT');
    },
  };
  const code = await main(['export', project.dir, '--format', 'labels', '--track', 'engine', '--out', join(exports, 'labels')], io, ctrl.signal);
  assert.equal(code, 130, err.join('\n'));
  assert.equal(err.at(-1), 'vss export: interrupted');
  assert.deepEqual(await readdir(exports), [], 'no staging folder and no partial export');
});
