/**
 * Child process of crash-safety.test.ts: opens a project and edits it continuously with
 * autosave until it is killed, as the edit.apply handler does: each edit's undo step is
 * appended to history.log, then its labels are staged for autosave. Prints "edit <seq> <epoch
 * ms>" once the step is on disk (acknowledged) and "flush-start"/"flush-end" around each save.
 * argv: <projectDir> <trackId> <firstSeq>
 */
import { openProject } from './open.ts';
import { Autosaver } from './autosave.ts';
import { applyChange, computeChange } from '../../core/edit/commands.ts';
import type { LabelMap } from '../../core/types.ts';
import { openProjectHistory } from './edits.ts';
import { crashEditTarget } from './crash-edit.ts';

const [dir, trackId, first] = process.argv.slice(2);
const project = await openProject(dir!);
const stems = await project.frames(trackId!);
const frames: LabelMap[] = [];
for (const s of stems) frames.push(await project.loadLabels(trackId!, s));
const { history } = await openProjectHistory(project, (i) => stems[i]!);
const autosave = new Autosaver(async () => {
  process.stdout.write('flush-start\n');
  await project.flush();
  process.stdout.write('flush-end\n');
});
project.onDirty = () => autosave.touch();

let seq = Number(first);
process.stdout.write('ready\n');
for (;;) {
  const t = crashEditTarget(seq, frames.length, frames[0]!.width);
  const ctx = { labels: (f: number) => frames[f], ignoreIndex: project.ignoreIndex };
  const change = computeChange({ kind: 'brush', frame: t.frame, points: [{ x: t.x + 0.5, y: t.y + 0.5 }], radius: 0.5, classId: t.value }, ctx);
  applyChange(ctx.labels, change.diffs);
  const step = { op: `op-${seq}`, action: 'do' as const, label: `brush@${trackId}`, at: Date.now() };
  const logged = await history.record(step, trackId!, change.diffs, change.diffs.map((d) => stems[d.frame]!));
  project.stageCorrection(trackId!, stems[t.frame]!, frames[t.frame]!);
  project.markApplied(logged!);
  process.stdout.write(`edit ${seq} ${Date.now()}\n`);
  seq++;
  await new Promise((r) => setTimeout(r, 20 + Math.random() * 30));
}
