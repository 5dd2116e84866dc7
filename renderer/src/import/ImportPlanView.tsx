/** What a checked import will do: the class mapping (editable where names differ) and the frame matching. */
import { useShallow } from 'zustand/shallow';
import type { ImportPlanInfo } from '../../../electron/shared/contract.ts';
import { appStore, useApp } from '../store/index.ts';

const SHOWN = 10;

function FileList({ label, files, testId }: { label: string; files: readonly string[]; testId: string }) {
  if (files.length === 0) return null;
  const more = files.length > SHOWN ? ` … and ${files.length - SHOWN} more` : '';
  return (
    <li data-testid={testId}>
      {label} ({files.length}): <span className="muted">{files.slice(0, SHOWN).join(', ')}{more}</span>
    </li>
  );
}

const HOW: Record<ImportPlanInfo['classes'][number]['how'], string> = {
  name: 'same name',
  synonym: 'synonym — check',
  chosen: 'your choice',
  void: 'void',
  unmatched: 'no match — choose',
};

/** Rows to confirm first: no match, then synonyms; same names and void last. */
const ORDER: Record<ImportPlanInfo['classes'][number]['how'], number> = { unmatched: 0, synonym: 1, chosen: 2, name: 3, void: 4 };

function ClassMapping({ plan }: { plan: ImportPlanInfo }) {
  const classes = useApp(useShallow((s) => s.project?.classes.map((c) => c.name) ?? []));
  const map = useApp((s) => s.importForm.map);
  const differ = plan.classes.filter((c) => c.how !== 'name' && c.how !== 'void').length;
  const setMap = (source: string, target: string) => {
    const next = { ...map };
    if (target) next[source] = target;
    else delete next[source];
    appStore.getState().setImportForm({ map: next });
  };
  return (
    <div className="import-classes">
      <h3>Classes{differ > 0 ? ` — ${differ} to confirm` : ''}</h3>
      <table data-testid="import-classes">
        <tbody>
          {[...plan.classes].sort((a, b) => ORDER[a.how] - ORDER[b.how]).map((c) => {
            const value = map[c.source] ?? c.target ?? '';
            const unresolved = c.how === 'unmatched' && !map[c.source];
            return (
              <tr key={c.source} data-how={c.how} className={unresolved ? 'warn' : ''}>
                <td>{c.source}</td>
                <td>→</td>
                <td>
                  <select aria-label={`Project class for ${c.source}`} value={value} onChange={(e) => setMap(c.source, e.target.value)}>
                    {value === '' && <option value="">— no match —</option>}
                    {classes.map((n) => (
                      <option key={n} value={n}>
                        {n}
                      </option>
                    ))}
                    <option value="void">void (no label)</option>
                  </select>
                </td>
                <td className="muted">{map[c.source] ? HOW.chosen : HOW[c.how]}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {plan.classes.some((c) => c.how === 'unmatched' && !map[c.source]) && (
        <p className="warn">A class without a match stops the import if a frame uses it: pick a project class or void.</p>
      )}
    </div>
  );
}

export function ImportPlanView() {
  const plan = useApp((s) => s.importPlan);
  const error = useApp((s) => s.importPlanError);
  if (error) return <p className="warn" data-testid="import-plan-error">{error}</p>;
  if (!plan) return null;
  const f = plan.frames;
  return (
    <div className="import-plan" data-testid="import-plan">
      <p data-testid="import-frames">
        {f.matched} of {f.source} source frames match frames of the video{f.byIndex > 0 ? ` (${f.byIndex} by frame number)` : ''}.
      </p>
      <ul className="import-unmatched">
        <FileList label="No matching frame" files={f.unmatched} testId="import-unmatched" />
        <FileList label="Frame already labelled by another file" files={f.duplicates} testId="import-duplicates" />
        <FileList label="The track has no labels for" files={f.notInTrack} testId="import-not-in-track" />
        <FileList label="Already corrected" files={f.alreadyCorrected} testId="import-already-corrected" />
      </ul>
      {plan.notes.length > 0 && <p className="muted">{plan.notes.join('; ')}</p>}
      <ClassMapping plan={plan} />
    </div>
  );
}
