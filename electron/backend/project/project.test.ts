import test from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createProject, openProject } from './open.ts';
import { decodeLabelPng } from './label-png.ts';
import { CAMVID_CLASSES, fakeRun, fakeVideo, stemOf, syntheticLabels, tempDir } from './test-fixtures.ts';
import { addRecentProject, listRecentProjects, removeRecentProject } from './recent-projects.ts';
import { autosaveProject } from './autosave-project.ts';

async function setup(frames = 4) {
  const root = await tempDir('project');
  const video = await fakeVideo(root);
  const run = await fakeRun(join(root, 'run1'), frames);
  const project = await createProject(join(root, 'proj'), { videoPath: video, classes: CAMVID_CLASSES, ignoreIndex: 11, frameCount: frames });
  return { root, video, run, project };
}

test('createProject writes a readable project.json and refuses to overwrite one', async () => {
  const { root, video, project } = await setup();
  const json = JSON.parse(await readFile(join(project.dir, 'project.json'), 'utf8'));
  assert.equal(json.format, 'vss-project');
  assert.equal(json.version, 1);
  assert.equal(json.video.path, video);
  assert.equal(json.video.relativePath, '../clip.mp4');
  assert.equal(json.video.fingerprint.size, 1000);
  assert.equal(json.video.fingerprint.frameCount, 4);
  assert.equal(json.classes.length, 11);
  await assert.rejects(createProject(project.dir, { videoPath: video, classes: CAMVID_CLASSES }), /already holds a project/);
  await assert.rejects(createProject(join(root, 'p2'), { videoPath: join(root, 'nope.mp4'), classes: CAMVID_CLASSES }), /video not found/);
});

test('addTrack copies an engine run and records mode, key frames and settings', async () => {
  const { run, project } = await setup();
  const t = await project.addTrack(run, 'DIS keyframe');
  assert.equal(t.id, 'dis-keyframe');
  assert.equal(t.kind, 'engine');
  assert.equal(t.mode, 'keyframe');
  assert.deepEqual(t.keyFrames, [0, 3]);
  assert.equal(t.source, '../run1');
  assert.deepEqual(await project.frames(t.id), [0, 1, 2, 3].map(stemOf));
  const l = await project.loadLabels(t.id, stemOf(2));
  assert.deepEqual(l.data, syntheticLabels(2).data);
  assert.ok(await project.loadConfidence(t.id, stemOf(2)));
  const again = await project.addTrack(run, 'DIS keyframe');
  assert.equal(again.id, 'dis-keyframe-2');
  const reopened = await openProject(project.dir);
  assert.deepEqual(reopened.tracks.map((x) => x.id), ['dis-keyframe', 'dis-keyframe-2']);
  await assert.rejects(project.addTrack(join(run, 'nope'), 'x'), /not found/);
});

test('saveCorrection stores a full label PNG, locks the frame and overlays engine labels', async () => {
  const { run, project } = await setup();
  const t = await project.addTrack(run, 'run');
  const fixed = syntheticLabels(1);
  fixed.data.fill(9, 0, 8);
  await project.saveCorrection(t.id, stemOf(1), fixed);
  const png = decodeLabelPng(await readFile(join(project.dir, 'corrections', t.id, `${stemOf(1)}.png`)));
  assert.deepEqual(png.data, fixed.data);
  const p2 = await openProject(project.dir);
  assert.deepEqual((await p2.loadLabels(t.id, stemOf(1))).data, fixed.data);
  assert.deepEqual((await p2.loadLabels(t.id, stemOf(1), { corrected: false })).data, syntheticLabels(1).data);
  assert.ok(p2.isLocked(t.id, stemOf(1)));
  assert.deepEqual(p2.correctedStems(t.id), [stemOf(1)]);
  await p2.removeCorrection(t.id, stemOf(1));
  assert.equal(p2.isLocked(t.id, stemOf(1)), false);
  assert.deepEqual((await p2.loadLabels(t.id, stemOf(1))).data, syntheticLabels(1).data);
});

test('createTrack lists an empty engine track at once; updateTrack records what its run learned', async () => {
  const { project } = await setup();
  const t = await project.createTrack('dff K=4', { mode: 'dff', settings: { keyInterval: 4 }, source: 'engine run' });
  assert.equal(t.id, 'dff-k-4');
  assert.deepEqual(await project.frames(t.id), []);
  await project.updateTrack(t.id, { keyFrames: [0, 4] });
  const again = await openProject(project.dir);
  assert.deepEqual(again.track(t.id).keyFrames, [0, 4]);
  assert.deepEqual(again.track(t.id).settings, { keyInterval: 4 });
});

test('openProject reports a moved video and relocateVideo checks the fingerprint', async () => {
  const { root, video, project } = await setup();
  const moved = join(root, 'elsewhere.mp4');
  await rename(video, moved);
  const p = await openProject(project.dir);
  assert.equal(p.videoMissing, true);
  assert.match(p.videoProblem ?? '', /video not found at .*clip\.mp4/);
  const other = await fakeVideo(root, 999, 'other.mp4');
  await assert.rejects(p.relocateVideo(other), /not this project's video \(size 999/);
  await assert.rejects(p.relocateVideo(moved, { frameCount: 5 }), /5 frames, expected 4/);
  await p.relocateVideo(moved);
  assert.equal(p.videoMissing, false);
  const p2 = await openProject(project.dir);
  assert.equal(p2.videoMissing, false);
  assert.equal(p2.videoPath, moved);
  await writeFile(moved, Buffer.alloc(10));
  const p3 = await openProject(project.dir);
  assert.equal(p3.videoMissing, true);
  assert.match(p3.videoProblem ?? '', /not the project's video/);
});

test('a project moved together with its video finds it by relative path', async () => {
  const { root, project } = await setup();
  const newRoot = `${root}-moved`;
  await rename(root, newRoot);
  const p = await openProject(join(newRoot, 'proj'));
  assert.equal(p.videoMissing, false);
  assert.equal(p.videoPath, join(newRoot, 'clip.mp4'));
  assert.match(p.videoNote ?? '', /next to the project/);
  void project;
});

test('view and playhead persist; a history.json of an older version is adopted only when it matches the saved labels', async () => {
  const { project } = await setup();
  project.setView({ opacity: 0.7, overlay: { labels: true, confidence: true, flicker: false }, hiddenClasses: [2] });
  project.setPlayhead(3);
  await project.save();
  const p = await openProject(project.dir);
  assert.equal(p.data.view.opacity, 0.7);
  assert.equal(p.data.view.overlay.confidence, true);
  assert.deepEqual(p.data.view.hiddenClasses, [2]);
  assert.equal(p.data.playhead, 3);
  assert.throws(() => p.setPlayhead(-1), /playhead/);
  const legacy = { version: 1, undo: [], redo: [] };
  const json = JSON.parse(await readFile(join(project.dir, 'project.json'), 'utf8'));
  await writeFile(join(project.dir, 'project.json'), JSON.stringify({ ...json, historyRevision: 'r1' }));
  await writeFile(join(project.dir, 'history.json'), JSON.stringify({ revision: 'stale', history: legacy }));
  assert.equal(await (await openProject(project.dir)).loadLegacyHistory(), null);
  await writeFile(join(project.dir, 'history.json'), JSON.stringify({ revision: 'r1', history: legacy }));
  assert.deepEqual(await (await openProject(project.dir)).loadLegacyHistory(), legacy);
});

test('openProject gives one-line errors for missing and damaged projects, and sweeps temp files', async () => {
  const { root, project } = await setup();
  await assert.rejects(openProject(join(root, 'none')), /no project at/);
  await writeFile(join(project.dir, '.vss-tmp-project.json.123.abcd'), 'half');
  await openProject(project.dir);
  assert.deepEqual((await readdir(project.dir)).filter((n) => n.startsWith('.vss-tmp')), []);
  await writeFile(join(project.dir, 'project.json'), '{"format": "vss-project", "vers');
  await assert.rejects(openProject(project.dir), /not valid JSON/);
  await writeFile(join(project.dir, 'project.json'), JSON.stringify({ format: 'vss-project', version: 1 }));
  await assert.rejects(openProject(project.dir), /project.json: video must be an object/);
});

test('recent projects list is most-recent-first, deduplicated and stored atomically', async () => {
  const dir = await tempDir('recent');
  const file = join(dir, 'recent-projects.json');
  await addRecentProject('/a/p1', file);
  await addRecentProject('/a/p2', file);
  const items = await addRecentProject('/a/p1', file);
  assert.deepEqual(items.map((i) => i.path), ['/a/p1', '/a/p2']);
  assert.deepEqual((await listRecentProjects(file)).map((i) => i.name), ['p1', 'p2']);
  assert.deepEqual((await removeRecentProject('/a/p2', file)).map((i) => i.path), ['/a/p1']);
  assert.deepEqual(await listRecentProjects(join(dir, 'missing.json')), []);
});

test('openProject reconciles the corrections index with the files on disk', async () => {
  const { run, project } = await setup();
  const t = await project.addTrack(run, 'run');
  await project.saveCorrection(t.id, stemOf(0), syntheticLabels(9));
  await project.saveCorrection(t.id, stemOf(1), syntheticLabels(8));
  await rm(join(project.dir, 'corrections', t.id, `${stemOf(0)}.png`));
  await copyFile(join(project.dir, 'corrections', t.id, `${stemOf(1)}.png`), join(project.dir, 'corrections', t.id, `${stemOf(3)}.png`));
  const p = await openProject(project.dir);
  assert.deepEqual(p.correctedStems(t.id).sort(), [stemOf(1), stemOf(3)]);
  assert.ok(p.isLocked(t.id, stemOf(3)));
  assert.deepEqual((await p.loadLabels(t.id, stemOf(0))).data, syntheticLabels(0).data);
});

test('autosaveProject writes staged corrections and view changes without an explicit save', async () => {
  const { run, project } = await setup();
  const t = await project.addTrack(run, 'run');
  const saver = autosaveProject(project, { debounceMs: 20, maxDelayMs: 100 });
  const l = syntheticLabels(1);
  l.data.fill(4);
  project.stageCorrection(t.id, stemOf(1), l);
  project.setPlayhead(2);
  await new Promise((r) => setTimeout(r, 300));
  const p = await openProject(project.dir);
  assert.deepEqual((await p.loadLabels(t.id, stemOf(1))).data, l.data);
  assert.equal(p.data.playhead, 2);
  await saver.dispose();
});

test('a staged correction stays readable while a flush is writing it (no "no labels" window)', async () => {
  const { run, project } = await setup();
  const t = await project.addTrack(run, 'run');
  const fixed = syntheticLabels(2);
  fixed.data.fill(8, 0, 16);
  project.stageCorrection(t.id, stemOf(2), fixed);
  const flushing = project.flush();
  // Read again and again until the flush is done: every read must see the correction.
  let done = false;
  void flushing.then(() => (done = true));
  let reads = 0;
  while (!done) {
    assert.deepEqual((await project.loadLabels(t.id, stemOf(2))).data, fixed.data);
    reads++;
    await new Promise((r) => setImmediate(r));
  }
  await flushing;
  assert.ok(reads > 0);
  assert.deepEqual((await project.loadLabels(t.id, stemOf(2))).data, fixed.data);
});
