/** The models.*, engine.* and track.* handler table (runs live in the workspace's EngineRuns). */
import type { HandlerGroup } from '../handlers.ts';
import { listModels, modelsRoot } from './engine-models.ts';
import type { Workspace } from './workspace.ts';

export type EngineRequestName = 'models.list' | 'engine.run' | 'engine.cancel' | 'track.rename' | 'track.delete';

export function createEngineHandlers(ws: Workspace): HandlerGroup<EngineRequestName> {
  return {
    'models.list': async () => ({ models: await listModels(ws.modelsDir ?? modelsRoot()) }),
    'engine.run': (req) => ws.runs.start(req),
    'engine.cancel': async ({ runId }) => ({ cancelled: ws.runs.cancel(runId) }),
    'track.rename': async ({ projectId, trackId, name }) => {
      await ws.session(projectId).open.project.renameTrack(trackId, name);
      return { ok: true };
    },
    'track.delete': async ({ projectId, trackId }) => {
      const { project } = ws.session(projectId).open;
      project.track(trackId);
      await ws.runs.stopTrack(projectId, trackId);
      await project.deleteTrack(trackId);
      ws.setLiveStatus(projectId, trackId, null);
      return { ok: true };
    },
  };
}
