import test from 'node:test';
import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { cli, clipProject } from './test-cli.ts';
import { runTool } from '../../backend/video/run-tool.ts';

const setup = () => clipProject('cli-export');

test('vss export prints one JSON line and reports progress on stderr', async () => {
  const { root, project } = await setup();
  const r = await cli(['export', project.dir, '--format', 'cvat', '--track', 'corrected', '--out', join(root, 'cvat'), '--from', '1', '--to', '2']);
  assert.equal(r.code, 0, r.err.join('\n'));
  assert.equal(r.out.length, 1);
  const res = JSON.parse(r.out[0]!);
  assert.equal(res.format, 'cvat');
  assert.equal(res.frames, 2);
  assert.ok(r.err.some((l) => /export cvat: 2\/2 frames/.test(l)));
  assert.deepEqual((await readdir(join(root, 'cvat', 'SegmentationClass'))).length, 2);
});

test('vss export video decodes the project video and writes an H.264 overlay', async () => {
  const { root, project } = await setup();
  const r = await cli(['export', project.dir, '--format', 'video', '--track', 'engine', '--out', join(root, 'vid'), '--opacity', '0.6']);
  assert.equal(r.code, 0, r.err.join('\n'));
  const p = await runTool('ffprobe', ['-v', 'error', '-count_frames', '-show_entries', 'stream=codec_name,nb_read_frames', '-of', 'json', join(root, 'vid', 'overlay.mp4')]);
  const s = JSON.parse(p.stdout).streams[0];
  assert.equal(s.codec_name, 'h264');
  assert.equal(Number(s.nb_read_frames), 4);
});

test('vss export errors are one line: unknown format/track, missing project, out-of-range frames', async () => {
  const { root, project } = await setup();
  // What the project lacks exits 1; a malformed command line is a usage error (exit 2).
  const cases: [string[], RegExp, number][] = [
    [['--format', 'gif', '--track', 'engine'], /^vss export: --format must be one of labels, color, cityscapes, cvat, coco, video, got "gif"$/, 2],
    [['--format', 'labels', '--track', 'nope'], /^vss export: unknown track "nope" \(tracks: engine\)$/, 1],
    [['--format', 'labels', '--track', 'engine', '--from', '2', '--to', '7'], /^vss export: frames 2\.\.7 are outside the track \(0\.\.3\)$/, 1],
    [['--format', 'labels', '--track', 'engine', '--from', 'x'], /^vss export: --from must be an integer >= 0, got "x"$/, 2],
  ];
  for (const [flags, re, code] of cases) {
    const r = await cli(['export', project.dir, ...flags, '--out', join(root, 'o')]);
    assert.equal(r.code, code, flags.join(' '));
    assert.equal(r.err.length, 1);
    assert.match(r.err[0]!, re);
  }
  const missing = await cli(['export', join(root, 'none'), '--format', 'labels', '--track', 'x', '--out', join(root, 'o')]);
  assert.match(missing.err[0]!, /^vss export: no project at .*none \(missing project\.json\)$/);
  const noOut = await cli(['export', project.dir, '--format', 'labels', '--track', 'engine']);
  assert.match(noOut.err[0]!, /missing --out/);
  assert.equal(noOut.code, 2);
});

test('vss export --zip writes one archive', async () => {
  const { root, project } = await setup();
  const r = await cli(['export', project.dir, '--format', 'cvat', '--track', 'engine', '--zip', '--out', join(root, 'task')]);
  assert.equal(r.code, 0, r.err.join('\n'));
  const res = JSON.parse(r.out[0]!);
  assert.equal(res.out, join(root, 'task.zip'));
  assert.ok((await readdir(root)).includes('task.zip'));
  const bad = await cli(['export', project.dir, '--format', 'video', '--track', 'engine', '--zip', '--out', join(root, 'v')]);
  assert.equal(bad.code, 1);
  assert.match(bad.err[0]!, /^vss export: the overlay video is one MP4 file: it cannot be zipped$/);
});
