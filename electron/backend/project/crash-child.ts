/**
 * Child process of crash-safety.test.ts: opens a project and edits it continuously with
 * autosave until it is killed. Prints "edit <seq> <epoch ms>" after each edit is made (in
 * memory, staged for autosave) and "flush-start"/"flush-end" around each save.
 * argv: <projectDir> <trackId> <firstSeq>
 */
import { openProject } from './open.ts';
import { Autosaver } from './autosave.ts';
import { EditHistory } from '../../core/edit/history.ts';
import { applyChange, computeChange } from '../../core/edit/commands.ts';
import type { LabelMap } from '../../core/types.ts';
import { crashEditTarget } from './crash-edit.ts';

const [dir, trackId, first] = process.argv.slice(2);
const project = await openProject(dir!);
const stems = await project.frames(trackId!);
const frames: LabelMap[] = [];
for (const s of stems) frames.push(await project.loadLabels(trackId!, s));
const saved = await project.loadHistory();
const history = saved ? EditHistory.fromJSON(saved) : new EditHistory();
const autosave = new Autosaver(async () => {
  process.stdout.write('flush-start\n');
  await project.flush();
  process.stdout.write('flush-end\n');
});
project.onDirty = () => autosave.touch();
project.stageHistory(() => history.toJSON());

let seq = Number(first);
process.stdout.write('ready\n');
for (;;) {
  const t = crashEditTarget(seq, frames.length, frames[0]!.width);
  const ctx = { labels: (f: number) => frames[f], ignoreIndex: project.ignoreIndex };
  const change = computeChange({ kind: 'brush', frame: t.frame, points: [{ x: t.x + 0.5, y: t.y + 0.5 }], radius: 0.5, classId: t.value }, ctx);
  applyChange(ctx.labels, change.diffs);
  history.record(change);
  project.stageCorrection(trackId!, stems[t.frame]!, frames[t.frame]!);
  project.stageHistory(() => history.toJSON());
  process.stdout.write(`edit ${seq} ${Date.now()}\n`);
  seq++;
  await new Promise((r) => setTimeout(r, 20 + Math.random() * 30));
}
