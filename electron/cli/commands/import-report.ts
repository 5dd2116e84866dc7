/** The human-readable report of `vss import`: what was imported, the class mapping, unmatched frames. */
import type { ImportPlan, ImportResult } from '../../backend/import/index.ts';
import { fields } from '../output.ts';

const LIST = 8;

function list(files: readonly string[]): string | undefined {
  if (files.length === 0) return undefined;
  const more = files.length > LIST ? ` … and ${files.length - LIST} more (--json lists all)` : '';
  return `${files.length}: ${files.slice(0, LIST).join(', ')}${more}`;
}

export function importReport(plan: ImportPlan, done: ImportResult | null): string {
  const f = plan.frames;
  const what = plan.as === 'track' ? 'as a new track' : `as corrections of track ${plan.trackId}`;
  const head = done ? `${done.imported} frames ${what} (${done.trackId})` : `would import ${f.matched.length} of ${f.source} frames ${what}`;
  const byIndex = f.matched.filter((m) => m.by === 'index').length;
  const classes = plan.classes.map((c) => {
    const to = c.how === 'unmatched' ? 'NO MATCH (refused if a frame uses it; see --map, --unmatched)' : `${c.target}${c.how === 'name' || c.how === 'void' ? '' : ` (${c.how})`}`;
    return `  ${c.source} → ${to}`;
  });
  return [
    fields([
      [done ? 'imported' : 'dry run', head],
      ['from', plan.from],
      ['matched', `${f.matched.length} of ${f.source} source frames${byIndex ? ` (${byIndex} by frame number)` : ''}`],
      ['unmatched', list(f.unmatched)],
      ['duplicates', list(f.duplicates)],
      ['not in track', list(f.notInTrack)],
      ['already corrected', list(f.alreadyCorrected)],
      ['notes', plan.notes.join('; ') || undefined],
    ]),
    'classes:',
    ...classes,
  ].join('\n');
}
