import test from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { createProject } from '../../backend/project/open.ts';
import { CAMVID_CLASSES, fakeRun, syntheticLabels, tempDir } from '../../backend/project/test-fixtures.ts';
import { runTool } from '../../backend/video/run-tool.ts';
import { cli } from './test-cli.ts';

test("vss export video of a frames folder runs at the frame rate kept in its project", async () => {
  const root = await tempDir('cli-export-fps');
  const frames = join(root, 'frames');
  await mkdir(frames);
  const png = new PNG({ width: 32, height: 24 });
  for (let i = 0; i < 4; i++) await writeFile(join(frames, `f${i}.png`), PNG.sync.write(png));
  const project = await createProject(join(root, 'proj'), { videoPath: frames, classes: CAMVID_CLASSES, ignoreIndex: 11, frameCount: 4, fps: 12.5 });
  await project.addTrack(await fakeRun(join(root, 'run'), 4, (i) => syntheticLabels(i, 32, 24)), 'engine');
  const r = await cli(['export', project.dir, '--format', 'video', '--track', 'engine', '--out', join(root, 'vid')]);
  assert.equal(r.code, 0, r.err.join('\n'));
  const p = await runTool('ffprobe', ['-v', 'error', '-show_entries', 'stream=r_frame_rate', '-of', 'json', join(root, 'vid', 'overlay.mp4')]);
  assert.equal(JSON.parse(p.stdout).streams[0].r_frame_rate, '25/2');
});

test('vss serve --fps without a frames folder is refused in one line', async () => {
  const r = await cli(['serve', '--fps', '10']);
  assert.equal(r.code, 2);
  assert.deepEqual(r.err, ['vss serve: --fps needs a frames folder to open']);
});
