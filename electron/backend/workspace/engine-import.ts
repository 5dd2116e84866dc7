/**
 * Progressive import of a running engine job into a project track. The job writes
 * labels/<stem>.png and confidence/<stem>.png into its temporary run folder in frame order; each
 * step links the frames finished since the last step into a small batch folder (with a partial
 * summary.json: mode and settings, no key frames yet) and hands it to the project: addTrack the
 * first time, importRun after that (locked frames are skipped unless overwriteLocked). The last
 * step uses the committed run folder and its real summary.json (key frames, per-frame TC).
 */
import { copyFile, link, mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Project } from '../project/index.ts';

export interface ProgressiveImportOptions {
  project: Project;
  /** Scratch folder for batches, e.g. <project>/runs/<runId>.batch. */
  batchDir: string;
  name: string;
  stemOf(index: number): string;
  overwriteLocked: boolean;
  /** Written as the partial summary.json of each batch. */
  summary: { mode: string; settings: Record<string, unknown> };
}

async function linkOrCopy(src: string, dest: string): Promise<void> {
  try {
    await link(src, dest);
  } catch {
    await copyFile(src, dest);
  }
}

export class ProgressiveImport {
  /** Frames 0..imported-1 are in the track. */
  imported = 0;
  /** The track id once the first batch created the track. */
  trackId: string | null = null;
  skippedLocked = 0;

  constructor(private readonly o: ProgressiveImportOptions) {}

  /** Imports frames imported..done-1 from `runDir`; `summaryFile` replaces the partial summary. */
  async upTo(done: number, runDir: string, summaryFile?: string): Promise<void> {
    if (done <= this.imported && !summaryFile) return;
    const { batchDir, project } = this.o;
    await rm(batchDir, { recursive: true, force: true });
    try {
      await mkdir(join(batchDir, 'labels'), { recursive: true });
      await mkdir(join(batchDir, 'confidence'), { recursive: true });
      const from = this.imported;
      // A final step with nothing new still needs one frame so the project accepts the batch.
      const start = done > from ? from : Math.max(0, done - 1);
      for (let i = start; i < done; i++) {
        const stem = this.o.stemOf(i);
        await linkOrCopy(join(runDir, 'labels', `${stem}.png`), join(batchDir, 'labels', `${stem}.png`));
        await linkOrCopy(join(runDir, 'confidence', `${stem}.png`), join(batchDir, 'confidence', `${stem}.png`)).catch(() => undefined);
      }
      if (summaryFile) await copyFile(summaryFile, join(batchDir, 'summary.json'));
      else await writeFile(join(batchDir, 'summary.json'), JSON.stringify({ ...this.o.summary, keyFrames: [], records: [] }));
      if (done === 0) return;
      if (this.trackId === null) {
        this.trackId = (await project.addTrack(batchDir, this.o.name, { move: true })).id;
      } else {
        const r = await project.importRun(batchDir, { trackId: this.trackId, overwriteLocked: this.o.overwriteLocked });
        this.skippedLocked += r.skippedLocked.length;
      }
      this.imported = Math.max(this.imported, done);
    } finally {
      await rm(batchDir, { recursive: true, force: true });
    }
  }
}
