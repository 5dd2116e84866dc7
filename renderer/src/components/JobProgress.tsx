/** A background job's line in a dialog (export, import): a bar with frames, rate and ETA and Cancel while it runs, then its outcome. */
import type { ReactNode } from 'react';
import type { ProgressInfo } from '../../../electron/shared/contract.ts';

export interface JobView {
  status: 'running' | 'done' | 'failed' | 'cancelled';
  progress: ProgressInfo | null;
  message: string;
}

const fmtEta = (sec: number) => (sec >= 60 ? `${Math.floor(sec / 60)} min ${Math.round(sec % 60)} s` : `${Math.round(sec)} s`);

export function JobProgress({ job, testId, onCancel, done }: { job: JobView | null; testId: string; onCancel: () => void; done: ReactNode }) {
  if (!job) return null;
  const p = job.progress;
  const pct = p && p.total > 0 ? Math.round((100 * p.done) / p.total) : 0;
  return (
    <div className="export-progress" data-testid={testId} data-status={job.status}>
      {job.status === 'running' ? (
        <>
          <progress max={100} value={pct} />
          <span>{p ? `${p.done}/${p.total} frames · ${p.fps.toFixed(1)} fps · ETA ${fmtEta(p.etaSec)}` : 'Starting…'}</span>
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        </>
      ) : job.status === 'done' ? (
        done
      ) : (
        <span className="warn">{job.status === 'cancelled' ? 'Cancelled' : `Failed: ${job.message}`}</span>
      )}
    </div>
  );
}
