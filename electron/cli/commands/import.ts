/**
 * `vss import <project-dir> --format <f> --from <path> (--as-track NAME | --as-corrections)`:
 * labels made elsewhere into a project. Source classes are matched to the project's by name
 * (and Cityscapes synonyms); the mapping is printed. A class that frames use but that matches
 * nothing stops the import (exit 1) unless --map names its project class or --unmatched void.
 * Frames are matched by name or number; the ones that match nothing are listed. Nothing reaches
 * the project unless every matched frame was read and checked. The project's lock
 * (project/lock.ts) is held throughout, also for --dry-run (opening a project tidies its
 * folder): a project open in a running app or review host is refused (exit 1).
 */
import { UsageError, type ParsedArgs } from '../args.ts';
import type { CliCommand, CliContext, CommandResult } from '../command.ts';
import { Progress } from '../progress.ts';
import { VssError } from '../../core/errors.ts';
import { stemMapFor } from '../../core/frame-stems.ts';
import { openProject } from '../../backend/project/open.ts';
import { acquireProjectLock } from '../../backend/project/lock.ts';
import type { Project } from '../../backend/project/project.ts';
import { IMPORT_FORMATS, planImport, runImport, type ImportFormat, type ImportMode, type ImportPlan, type ImportTarget } from '../../backend/import/index.ts';
import { createVideoService } from '../../backend/video/service.ts';
import { importReport } from './import-report.ts';

/** "Lorry=Car,kerb=void" → { Lorry: 'Car', kerb: 'void' }. */
export function parseClassMap(text: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (text === undefined) return out;
  for (const pair of text.split(',')) {
    const eq = pair.indexOf('=');
    const [from, to] = [pair.slice(0, eq).trim(), pair.slice(eq + 1).trim()];
    if (eq < 0 || !from || !to) throw new UsageError(`--map takes "source=project" pairs separated by commas, got "${pair}"`);
    out[from] = to;
  }
  return out;
}

function importMode(args: ParsedArgs): ImportMode {
  const name = args.string('as-track');
  const corr = args.flag('as-corrections');
  if ((name !== undefined) === corr) throw new UsageError('give exactly one of --as-track NAME and --as-corrections');
  if (!corr && (args.has('track') || args.has('replace-corrected'))) throw new UsageError('--track and --replace-corrected go with --as-corrections');
  if (name !== undefined) return { as: 'track', name };
  return { as: 'corrections', track: args.string('track')!, replaceCorrected: args.flag('replace-corrected') };
}

/** The project video's frame count, names and size. */
async function videoTarget(project: Project): Promise<ImportTarget> {
  if (project.videoMissing) throw new VssError('NOT_FOUND', `${project.videoProblem ?? 'the project video is missing'} (frames are matched against it)`);
  // Counting packets (as `vss export` does) is enough to name frames; it does not decode the video.
  const svc = createVideoService({ verify: 'packets', maxRuns: 1 });
  try {
    const info = await svc.open(project.videoPath);
    return { width: info.width, height: info.height, frameCount: info.frameCount, stems: stemMapFor(info) };
  } finally {
    await svc.dispose();
  }
}

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'import labels (label-id PNGs, CVAT masks 1.1, COCO, Cityscapes) as a new track or as corrections',
  description:
    'Formats and matching rules are described in docs/export-formats.md ("Import"). --from is a folder, a .zip, or (coco) the JSON file. ' +
    'The class mapping and the frames that matched nothing are reported; --dry-run reports them without importing.',
  positionals: [{ name: 'project-dir' }],
  cancellable: true,
  options: [
    { name: 'format', kind: 'string', choices: IMPORT_FORMATS, required: true, help: 'what --from holds' },
    { name: 'from', kind: 'string', value: 'path', required: true, help: 'folder, .zip or (coco) .json file to read' },
    { name: 'as-track', kind: 'string', value: 'NAME', help: 'import as a new track with this name' },
    { name: 'as-corrections', kind: 'switch', help: 'import as corrections of --track (the frames become corrected and locked)' },
    { name: 'track', kind: 'string', value: 'name|id|corrected', default: 'corrected', help: 'with --as-corrections: the track to correct ("corrected" = the one exports call corrected)' },
    { name: 'replace-corrected', kind: 'switch', help: 'with --as-corrections: also replace frames that already have corrections (kept by default)' },
    { name: 'map', kind: 'string', value: 'src=dst,…', help: 'source class → project class (or void), for names that do not match' },
    { name: 'unmatched', kind: 'string', choices: ['error', 'void'], default: 'error', help: 'what pixels of a source class without a match become' },
    { name: 'dry-run', kind: 'switch', help: 'report the class mapping and frame matching; import nothing' },
  ],
  examples: [
    'vss import proj --format coco --from annotations.json --as-track ground-truth',
    'vss import proj --format cvat --from task.zip --as-corrections --track engine --map "Lorry=Car,kerb=void"',
    'vss import proj --format cityscapes --from gtFine/ --as-track cs --dry-run',
  ],
  async run(args, ctx) {
    const mode = importMode(args);
    const map = parseClassMap(args.string('map'));
    const lock = await acquireProjectLock(args.positionals[0]!, 'import');
    try {
      return await importInto(args, ctx, mode, map);
    } finally {
      await lock.release();
    }
  },
};

/** Opens the project (its lock held) and imports, or with --dry-run reports what an import would do. */
async function importInto(args: ParsedArgs, { io, signal }: CliContext, mode: ImportMode, map: Record<string, string>): Promise<CommandResult> {
  const project = await openProject(args.positionals[0]!);
  const opts = {
    format: args.need('format') as ImportFormat,
    from: args.need('from'),
    mode,
    map,
    unmatched: args.string('unmatched') as 'error' | 'void',
    target: await videoTarget(project),
    signal,
  };
  if (args.flag('dry-run')) {
    const plan: ImportPlan = await planImport(project, opts);
    return { data: plan, text: importReport(plan, null) };
  }
  const progress = new Progress(`import ${opts.format}`, io, { lines: true });
  try {
    const result = await runImport(project, { ...opts, onProgress: (done, total) => progress.update({ done, total }) });
    progress.finish();
    return { data: result, text: importReport(result, result) };
  } finally {
    progress.finish();
  }
}
