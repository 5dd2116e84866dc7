/** Handlers for models, engine runs and tracks. */
import type { HandlerGroup } from '../handlers.ts';
import { openProjectById, type WorkspaceContext } from './context.ts';
import { listModels, modelsRoot } from './engine-models.ts';
import { EngineRuns } from './engine-runs.ts';
import { setLiveStatus } from './track-status.ts';

export type EngineRequestName = 'models.list' | 'engine.run' | 'engine.cancel' | 'track.rename' | 'track.delete';

const runsOf = new WeakMap<WorkspaceContext, EngineRuns>();

/** Cancels the workspace's engine runs and waits for them (backend dispose). */
export async function disposeEngineRuns(ctx: WorkspaceContext): Promise<void> {
  await runsOf.get(ctx)?.dispose();
}

export function createEngineHandlers(ctx: WorkspaceContext, runs: EngineRuns = new EngineRuns(ctx)): HandlerGroup<EngineRequestName> {
  runsOf.set(ctx, runs);
  return {
    'models.list': async () => ({ models: await listModels(ctx.modelsDir ?? modelsRoot()) }),
    'engine.run': (req) => runs.start(req),
    'engine.cancel': async ({ runId }) => ({ cancelled: runs.cancel(runId) }),
    'track.rename': async ({ projectId, trackId, name }) => {
      await openProjectById(ctx, projectId).project.renameTrack(trackId, name);
      return { ok: true };
    },
    'track.delete': async ({ projectId, trackId }) => {
      const { project } = openProjectById(ctx, projectId);
      project.track(trackId);
      await runs.stopTrack(projectId, trackId);
      await project.deleteTrack(trackId);
      setLiveStatus(ctx, projectId, trackId, null);
      return { ok: true };
    },
  };
}
