/**
 * Crash safety: a child process edits a project continuously with autosave; it is killed with
 * SIGKILL at random moments (half of the kills right after a save has started, so they land in
 * the middle of writing large PNGs). After every kill the project must open, every referenced
 * file must be readable, and every acknowledged edit (its step appended to history.log) must be
 * in the labels once the history is opened (the log is replayed over labels saved earlier).
 */
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createProject, openProject } from './open.ts';
import { openProjectHistory } from './edits.ts';
import type { LabelMap } from '../../core/types.ts';
import { crashEditTarget } from './crash-edit.ts';
import { CAMVID_CLASSES, fakeRun, fakeVideo, tempDir } from './test-fixtures.ts';

const here = dirname(fileURLToPath(import.meta.url));
const W = 1280;
const H = 720;
const FRAMES = 3;
const ITERATIONS = 25;

function noise(seed: number) {
  const data = new Uint8Array(W * H);
  let s = seed * 2654435761;
  for (let i = 0; i < data.length; i++) {
    s = (s * 1103515245 + 12345) >>> 0;
    data[i] = (s >>> 16) % 11;
  }
  return { width: W, height: H, data };
}

interface Edit {
  seq: number;
  at: number;
}

function runChild(dir: string, trackId: string, firstSeq: number, killOnFlush: boolean, lifeMs: number) {
  return new Promise<{ edits: Edit[]; killedAt: number; midWrite: boolean }>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(here, 'crash-child.ts'), dir, trackId, String(firstSeq)], { stdio: ['ignore', 'pipe', 'pipe'] });
    const edits: Edit[] = [];
    let buf = '';
    let killedAt = 0;
    let inFlush = false;
    let midWrite = false;
    let stderr = '';
    let readyAt = 0;
    const kill = () => {
      if (killedAt) return;
      midWrite = inFlush;
      killedAt = Date.now();
      child.kill('SIGKILL');
    };
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.stdout.on('data', (b: Buffer) => {
      buf += b.toString();
      const lines = buf.split('\n');
      buf = lines.pop()!;
      for (const line of lines) {
        if (killedAt) return;
        if (line === 'ready') {
          readyAt = Date.now();
          setTimeout(kill, lifeMs + (killOnFlush ? 2500 : 0));
        } else if (line === 'flush-start') {
          inFlush = true;
          if (killOnFlush && readyAt && Date.now() - readyAt >= lifeMs) setTimeout(kill, Math.random() * 25);
        } else if (line === 'flush-end') inFlush = false;
        else if (line.startsWith('edit ')) {
          const [, seq, at] = line.split(' ');
          edits.push({ seq: Number(seq), at: Number(at) });
        }
      }
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve({ edits, killedAt, midWrite });
      else reject(new Error(`child exited on its own (code ${code}): ${stderr.split('\n').slice(-5).join(' | ')}`));
    });
  });
}

test('SIGKILL at random moments never corrupts a project and loses no acknowledged edit', { timeout: 300_000 }, async (t) => {
  const root = await tempDir('crash');
  const video = await fakeVideo(root);
  const run = await fakeRun(join(root, 'run'), FRAMES, noise);
  const project = await createProject(join(root, 'proj'), { videoPath: video, classes: CAMVID_CLASSES, ignoreIndex: 11 });
  const track = await project.addTrack(run, 'run');
  const mustHave = new Map<number, number>(); // seq -> iteration that acknowledged it
  let nextSeq = 0;
  let midWrites = 0;
  let checked = 0;
  const started = Date.now();
  for (let it = 0; it < ITERATIONS; it++) {
    const killOnFlush = it % 2 === 1;
    const life = killOnFlush ? 800 + Math.random() * 1000 : 200 + Math.random() * 2600;
    const r = await runChild(project.dir, track.id, nextSeq, killOnFlush, life);
    if (r.midWrite) midWrites++;
    for (const e of r.edits) mustHave.set(e.seq, it);
    const last = r.edits.length ? r.edits[r.edits.length - 1]!.seq : nextSeq - 1;
    nextSeq = last + 1;

    const p = await openProject(project.dir);
    const stems = await p.frames(track.id);
    assert.equal(stems.length, FRAMES);
    const { history } = await openProjectHistory(p, (i) => stems[i]!);
    assert.ok(history.steps().undo.length >= mustHave.size, `iteration ${it}: an undo step for every acknowledged edit`);
    const frames: LabelMap[] = [];
    for (const s of stems) frames.push(await p.loadLabels(track.id, s));
    for (const s of p.correctedStems(track.id)) await p.loadLabels(track.id, s);
    for (const [seq] of mustHave) {
      const tg = crashEditTarget(seq, FRAMES, W);
      const v = frames[tg.frame]!.data[tg.y * W + tg.x];
      assert.equal(v, tg.value, `iteration ${it}: acknowledged edit ${seq} is missing`);
      checked++;
    }
  }
  t.diagnostic(`${ITERATIONS} kills (${midWrites} during a save), ${mustHave.size} acknowledged edits verified (${checked} checks), ${((Date.now() - started) / 1000).toFixed(1)} s`);
  assert.ok(midWrites >= 1, 'at least one kill landed in the middle of a save');
  assert.ok(mustHave.size > 0, 'some edits were acknowledged');
});
