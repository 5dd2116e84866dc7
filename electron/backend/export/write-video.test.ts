import test from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { createProject } from '../project/open.ts';
import { CAMVID_CLASSES, fakeRun, fakeVideo, syntheticLabels, tempDir } from '../project/test-fixtures.ts';
import { runTool } from '../video/run-tool.ts';
import { exportTrack } from './run-export.ts';
import { blendLabels } from './blend.ts';

test('overlay video is H.264 yuv420p with one frame per exported label frame', async () => {
  const root = await tempDir('video');
  const video = await fakeVideo(root);
  const run = await fakeRun(join(root, 'run'), 5, (i) => syntheticLabels(i, 31, 17));
  const project = await createProject(join(root, 'proj'), { videoPath: video, classes: CAMVID_CLASSES, ignoreIndex: 11 });
  await project.addTrack(run, 'engine');
  let requested = 0;
  const frames = async (i: number) => {
    requested++;
    return { width: 31, height: 17, rgba: new Uint8Array(31 * 17 * 4).fill(40 + i * 20) };
  };
  const r = await exportTrack(project, { format: 'video', track: 'engine', out: join(root, 'out'), frames, fps: 10, from: 1, to: 4 });
  assert.equal(requested, 4);
  const probe = await runTool('ffprobe', ['-v', 'error', '-count_frames', '-select_streams', 'v:0', '-show_entries', 'stream=codec_name,pix_fmt,width,height,nb_read_frames', '-of', 'json', join(r.out, 'overlay.mp4')]);
  const s = JSON.parse(probe.stdout).streams[0];
  assert.equal(s.codec_name, 'h264');
  assert.equal(s.pix_fmt, 'yuv420p');
  assert.equal(Number(s.nb_read_frames), 4);
  assert.equal(s.width, 32); // odd sizes padded to even
  assert.equal(s.height, 18);
});

test('blendLabels mixes class colour and frame at the opacity, leaving void pixels alone', () => {
  const frame = new Uint8Array(2 * 1 * 4).fill(100);
  const out = blendLabels(frame, 2, 1, { width: 2, height: 1, data: Uint8Array.from([8, 11]) }, CAMVID_CLASSES, 11, 0.5);
  assert.deepEqual([...out], [82, 50, 114, 255, 100, 100, 100, 255]);
});
