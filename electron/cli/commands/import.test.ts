import test from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openProject } from '../../backend/project/open.ts';
import { readdir } from 'node:fs/promises';
import { lockByLiveProcess, stemOf } from '../../backend/project/test-fixtures.ts';
import { cli, clipProject } from './test-cli.ts';
import { parseClassMap } from './import.ts';

const setup = () => clipProject('cli-import');

test('vss import: export → import round trip through the CLI, one JSON line, progress on stderr', async () => {
  const { root, project } = await setup();
  const out = join(root, 'cvat');
  assert.equal((await cli(['export', project.dir, '--format', 'cvat', '--track', 'engine', '--out', out])).code, 0);
  const dry = await cli(['import', project.dir, '--format', 'cvat', '--from', out, '--as-track', 'gt', '--dry-run']);
  assert.equal(dry.code, 0, dry.err.join('\n'));
  assert.equal(JSON.parse(dry.out[0]!).frames.matched.length, 4);
  assert.equal((await openProject(project.dir)).tracks.length, 1, 'a dry run imports nothing');
  const r = await cli(['import', project.dir, '--format', 'cvat', '--from', out, '--as-track', 'gt']);
  assert.equal(r.code, 0, r.err.join('\n'));
  assert.equal(r.out.length, 1);
  const res = JSON.parse(r.out[0]!);
  assert.equal(res.imported, 4);
  assert.equal(res.classes.find((c: { source: string }) => c.source === 'Car').target, 'Car');
  assert.ok(r.err.some((l) => /import cvat: 4\/4 frames/.test(l)));
  const p = await openProject(project.dir);
  for (let i = 0; i < 4; i++) assert.deepEqual(await p.loadLabels(res.trackId, stemOf(i)), await p.loadLabels('engine', stemOf(i)));
});

test('vss import: usage mistakes exit 2, refused imports exit 1, each with one line', async () => {
  const { root, project } = await setup();
  const out = join(root, 'labels');
  await cli(['export', project.dir, '--format', 'labels', '--track', 'engine', '--out', out]);
  const cases: [string[], RegExp, number][] = [
    [['--format', 'labels', '--from', out], /^vss import: give exactly one of --as-track NAME and --as-corrections$/, 2],
    [['--format', 'labels', '--from', out, '--as-track', 'a', '--as-corrections'], /^vss import: give exactly one of/, 2],
    [['--format', 'labels', '--from', out, '--as-track', 'a', '--track', 'engine'], /^vss import: --track and --replace-corrected go with --as-corrections$/, 2],
    [['--format', 'voc', '--from', out, '--as-track', 'a'], /^vss import: --format must be one of labels, cvat, coco, cityscapes, got "voc"$/, 2],
    [['--format', 'labels', '--from', out, '--as-track', 'a', '--map', 'Car'], /^vss import: --map takes "source=project" pairs separated by commas, got "Car"$/, 2],
    [['--format', 'labels', '--from', join(root, 'nope'), '--as-track', 'a'], /^vss import: .*nope does not exist$/, 1],
    [['--format', 'coco', '--from', out, '--as-track', 'a'], /^vss import: classes\.json has no "images" list \(not a COCO annotations file\)$/, 1],
    [['--format', 'labels', '--from', out, '--as-corrections', '--track', 'zzz'], /^vss import: unknown track "zzz" \(tracks: engine\)$/, 1],
  ];
  for (const [flags, re, code] of cases) {
    const r = await cli(['import', project.dir, ...flags]);
    assert.equal(r.code, code, flags.join(' '));
    assert.equal(r.err.length, 1, r.err.join('\n'));
    assert.match(r.err[0]!, re);
  }
});

test('vss import refuses (exit 1, one line) while a running app holds the project, and writes nothing', async () => {
  const { root, project } = await setup();
  const out = join(root, 'labels');
  await cli(['export', project.dir, '--format', 'labels', '--track', 'engine', '--out', out]);
  const app = await lockByLiveProcess(project.dir, 'app');
  const before = await readdir(project.dir, { recursive: true });
  try {
    for (const extra of [[], ['--dry-run']]) {
      const r = await cli(['import', project.dir, '--format', 'labels', '--from', out, '--as-track', 'gt', ...extra]);
      assert.equal(r.code, 1, extra.join(' '));
      assert.deepEqual(r.out, []);
      assert.equal(r.err.length, 1, r.err.join('\n'));
      const re = new RegExp(`^vss import: project is open in VSS Studio \\(pid ${app.pid}, since \\d\\d:\\d\\d\\); close it there, or import from the app's Import dialog$`);
      assert.match(r.err[0]!, re);
    }
    assert.deepEqual(await readdir(project.dir, { recursive: true }), before, 'nothing written or removed');
  } finally {
    await app.stop();
  }
  const r = await cli(['import', project.dir, '--format', 'labels', '--from', out, '--as-track', 'gt']);
  assert.equal(r.code, 0, `the stale lock of the ended app is taken over: ${r.err.join('\n')}`);
  assert.equal((await openProject(project.dir)).tracks.length, 2);
  assert.ok(!(await readdir(project.dir)).includes('.vss-lock'), 'the import released its lock');
});

test('parseClassMap reads comma-separated pairs', () => {
  assert.deepEqual(parseClassMap('Lorry=Car, kerb = void'), { Lorry: 'Car', kerb: 'void' });
  assert.deepEqual(parseClassMap(undefined), {});
});

test('vss project prints the automatic project folder, creating it once', async () => {
  const { root, video } = await setup();
  const before = process.env.VSS_HOME;
  process.env.VSS_HOME = join(root, 'home');
  try {
    const a = await cli(['project', video, '--model', join(process.cwd(), 'native-models', 'test-tiny', 'single')]);
    assert.equal(a.code, 0, a.err.join('\n'));
    const first = JSON.parse(a.out[0]!);
    assert.equal(first.created, true);
    assert.ok(first.dir.startsWith(join(root, 'home', 'projects', 'clip-')));
    const b = JSON.parse((await cli(['project', video])).out[0]!);
    assert.equal(b.created, false);
    assert.equal(b.dir, first.dir);
    const missing = await cli(['project', join(root, 'none.mp4')]);
    assert.equal(missing.code, 1);
    assert.equal(missing.err.length, 1);
  } finally {
    if (before === undefined) delete process.env.VSS_HOME;
    else process.env.VSS_HOME = before;
  }
});
