import test from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createProject, openProject } from './open.ts';
import { classInUse, setClasses, setFrameRate, setTrackClassMap } from './classes.ts';
import { encodeLabelPng } from './label-png.ts';
import { CAMVID_CLASSES, fakeRun, fakeVideo, stemOf, syntheticLabels, tempDir } from './test-fixtures.ts';
import type { ClassInfo } from './types.ts';
import type { Project } from './project.ts';

async function setup() {
  const root = await tempDir('classes');
  const video = await fakeVideo(root);
  const project = await createProject(join(root, 'proj'), { videoPath: video, classes: CAMVID_CLASSES, ignoreIndex: 11 });
  return { root, project };
}

const ECHO: ClassInfo[] = [
  { id: 0, name: 'first', color: [10, 10, 10] },
  { id: 1, name: 'second', color: [20, 20, 20] },
  { id: 2, name: 'third', color: [30, 30, 30] },
];

/** A track made by a model with ECHO's classes: frame 0 is 0 | 1 | 2 in thirds of its 6 pixels. */
async function echoTrack(project: Project): Promise<string> {
  const t = await project.createTrack('echo', { mode: 'per-frame', settings: {}, source: 'test', modelClasses: ECHO, classMap: {} });
  await writeFile(project.paths.labels(t.id, stemOf(0)), encodeLabelPng({ width: 6, height: 1, data: Uint8Array.of(0, 0, 1, 1, 2, 2) }));
  return t.id;
}

test('setClasses renames, recolours and adds a class, written atomically into project.json', async () => {
  const { project } = await setup();
  const next = project.classes.map((c) => (c.id === 8 ? { ...c, name: ' Vehicle ', color: [255, 200, 0] as [number, number, number] } : c));
  next.push({ id: 12, name: 'Animal', color: [0, 255, 0] });
  await setClasses(project, next);
  const reopened = await openProject(project.dir);
  assert.deepEqual(reopened.classes.find((c) => c.id === 8), { id: 8, name: 'Vehicle', color: [255, 200, 0] });
  assert.deepEqual(reopened.classes.at(-1), { id: 12, name: 'Animal', color: [0, 255, 0] });
  assert.deepEqual((await readdir(project.dir)).filter((n) => n !== 'project.json' && !['tracks', 'corrections'].includes(n)), []);
});

test('setClasses refuses bad lists with one-line messages and changes nothing', async () => {
  const { project } = await setup();
  const base = project.classes;
  const cases: [ClassInfo[], RegExp][] = [
    [[...base, { id: 3, name: 'Again', color: [1, 2, 3] }], /class id 3 is used twice/],
    [base.map((c) => (c.id === 2 ? { ...c, name: '  ' } : c)), /class 2 needs a name/],
    [[...base, { id: 12, name: 'road', color: [1, 2, 3] }], /classes 3 and 12 are both named "road"/],
    [[...base, { id: 11, name: 'Void2', color: [1, 2, 3] }], /class id 11 is the void id/],
    [[...base, { id: 12, name: 'Hot', color: [300, 0, 0] }], /colour must be three whole numbers 0–255/],
    [Array.from({ length: 257 }, (_, i) => ({ id: i, name: `c${i}`, color: [0, 0, 0] })), /at most 256 classes, got 257/],
    [[], /at least one class/],
  ];
  for (const [list, message] of cases) {
    await assert.rejects(setClasses(project, list), (e: Error) => message.test(e.message) && !e.message.includes('\n'));
  }
  assert.deepEqual((await openProject(project.dir)).classes, base);
});

test('a class can be removed only while no label can hold it', async () => {
  const { root, project } = await setup();
  const without = (id: number) => project.classes.filter((c) => c.id !== id);
  await setClasses(project, without(10)); // no tracks yet: nothing can hold it
  assert.equal(project.classes.some((c) => c.id === 10), false);

  const tid = await echoTrack(project); // shows model classes 0, 1, 2 as project classes 0, 1, 2
  await assert.rejects(setClasses(project, without(1)), /class "Building" cannot be removed: track "echo" shows a model class as it; hide it instead/);
  await setClasses(project, without(9)); // Pedestrian: nothing shows it
  const fixed = { width: 6, height: 1, data: Uint8Array.of(0, 0, 5, 5, 2, 2) };
  await project.saveCorrection(tid, stemOf(0), fixed);
  assert.match((await classInUse(project, 5)) ?? '', /the corrections of track "echo" use it \(frame 000000\)/);

  await project.addTrack(await fakeRun(join(root, 'run'), 2), 'imported'); // no model classes recorded
  assert.match((await classInUse(project, 7)) ?? '', /track "imported" may hold it/);
});

test('a class map shows a track in project classes; label files and corrections are untouched', async () => {
  const { project } = await setup();
  const tid = await echoTrack(project);
  await setTrackClassMap(project, tid, { '0': 3, '1': 11, '2': 2 }); // first → Road, second → ignore, third stays
  assert.deepEqual(project.track(tid).classMap, { '0': 3, '1': 11 });
  assert.deepEqual([...(await project.loadLabels(tid, stemOf(0))).data], [3, 3, 11, 11, 2, 2]);
  const onDisk = await readFile(project.paths.labels(tid, stemOf(0)));
  assert.deepEqual(onDisk, encodeLabelPng({ width: 6, height: 1, data: Uint8Array.of(0, 0, 1, 1, 2, 2) }));
  await project.saveCorrection(tid, stemOf(0), { width: 6, height: 1, data: Uint8Array.of(8, 8, 8, 8, 8, 8) });
  await setTrackClassMap(project, tid, { '0': 4 });
  assert.deepEqual([...(await project.loadLabels(tid, stemOf(0))).data], [8, 8, 8, 8, 8, 8]);
  assert.deepEqual([...(await project.loadLabels(tid, stemOf(0), { corrected: false })).data], [4, 4, 1, 1, 2, 2]);
  assert.deepEqual((await openProject(project.dir)).track(tid).classMap, { '0': 4 });
});

test('a class map is refused for unknown classes and for tracks without model classes', async () => {
  const { root, project } = await setup();
  const tid = await echoTrack(project);
  await assert.rejects(setTrackClassMap(project, tid, { '7': 3 }), /the model has no class 7/);
  await assert.rejects(setTrackClassMap(project, tid, { '0': 42 }), /model class 0 maps to 42, which is not a class of the project/);
  const imported = await project.addTrack(await fakeRun(join(root, 'run'), 1), 'imported');
  await assert.rejects(setTrackClassMap(project, imported.id, { '0': 3 }), /does not record its model's classes/);
  assert.deepEqual([...(await project.loadLabels(imported.id, stemOf(0))).data], [...syntheticLabels(0).data]);
});

test('the frame rate of a frames folder is kept in project.json', async () => {
  const root = await tempDir('fps');
  const frames = join(root, 'frames');
  await mkdir(frames);
  const project = await createProject(join(root, 'proj'), { videoPath: frames, classes: CAMVID_CLASSES, fps: 12.5 });
  assert.equal((await openProject(project.dir)).frameRate, 12.5);
  await setFrameRate(project, 25);
  assert.equal((await openProject(project.dir)).frameRate, 25);
  await assert.rejects(setFrameRate(project, 0), /frame rate must be ≥ 0.1, got 0/);
  await assert.rejects(setFrameRate(project, 1000), /frame rate must be ≤ 240, got 1000/);
  assert.equal((await openProject(project.dir)).frameRate, 25);
});
