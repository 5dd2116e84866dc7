/** Handlers for models, engine runs and tracks (wired by the workspace work). */
import type { HandlerGroup } from '../handlers.ts';
import type { WorkspaceContext } from './context.ts';
import { VssError } from '../errors.ts';

export type EngineRequestName = 'models.list' | 'engine.run' | 'engine.cancel' | 'track.rename' | 'track.delete';

export function createEngineHandlers(_ctx: WorkspaceContext): HandlerGroup<EngineRequestName> {
  const pending = async (): Promise<never> => {
    throw new VssError('UNSUPPORTED', 'engine runs are not wired into this build yet');
  };
  return {
    'models.list': pending,
    'engine.run': pending,
    'engine.cancel': pending,
    'track.rename': pending,
    'track.delete': pending,
  };
}
