import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Progress } from './progress.ts';

function sink(tty: boolean) {
  const raw: string[] = [];
  const lines: string[] = [];
  const io = { out: () => undefined, err: (t: string) => lines.push(t), errRaw: (t: string) => raw.push(t), stderrTTY: tty, columns: 100 };
  return { io, raw, lines };
}

test('on a terminal: one bar redrawn in place with frames, fps and ETA, at most every 100 ms, ended by a newline', () => {
  let now = 0;
  const s = sink(true);
  const p = new Progress('export cvat', s.io, { lines: false, now: () => now });
  now = 2000;
  p.update({ done: 10, total: 40 });
  now = 2050;
  p.update({ done: 11, total: 40 }); // within 100 ms: skipped
  now = 4000;
  p.update({ done: 40, total: 40 });
  p.finish();
  assert.equal(s.raw.length, 3);
  assert.match(s.raw[0]!, /^\rexport cvat \[#{10}-{30}\] 10\/40 frames {2}5\.0 fps {2}ETA 0:06\x1b\[K$/);
  assert.match(s.raw[1]!, /^\rexport cvat \[#{40}\] 40\/40 frames {2}10\.0 fps {2}ETA 0:00\x1b\[K$/);
  assert.equal(s.raw[2], '\n');
  assert.deepEqual(s.lines, []);
});

test('elsewhere: plain lines at most once a second (and the last), or nothing unless asked', () => {
  let now = 0;
  const s = sink(false);
  const p = new Progress('segment', s.io, { lines: true, now: () => now });
  for (let i = 1; i <= 30; i++) {
    now = i * 100;
    p.update({ done: i, total: 30, fps: 10, etaSec: (30 - i) / 10 });
  }
  p.finish();
  assert.deepEqual(s.lines, ['segment: 1/30 frames, 10.0 fps, ETA 0:03', 'segment: 11/30 frames, 10.0 fps, ETA 0:02', 'segment: 21/30 frames, 10.0 fps, ETA 0:01', 'segment: 30/30 frames, 10.0 fps, ETA 0:00']);
  assert.deepEqual(s.raw, []);
  const quiet = sink(false);
  new Progress('segment', quiet.io, { lines: false }).update({ done: 1, total: 2 });
  assert.deepEqual(quiet.lines, []);
});
