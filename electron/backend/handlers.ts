/**
 * Every contract request's handler, listed in one place: one flat table per namespace, each a
 * thin function over the Workspace (or the app's own dependencies).
 */
import type { Req, RequestName, Res } from '../shared/contract.ts';
import { createAppHandlers, createRecentHandlers, createVideoHandlers, type AppDeps } from './app-handlers.ts';
import type { RecentStore } from './recent.ts';
import { createClassHandlers } from './workspace/class-handlers.ts';
import { createEditHandlers } from './workspace/edit-handlers.ts';
import { createEngineHandlers } from './workspace/engine-handlers.ts';
import { createExportHandlers } from './workspace/export-handlers.ts';
import { createImportHandlers } from './workspace/import-handlers.ts';
import { createProjectHandlers } from './workspace/project-handlers.ts';
import type { Workspace } from './workspace/workspace.ts';

/** One async handler per contract request. */
export type Handlers = { [K in RequestName]: (req: Req<K>) => Promise<Res<K>> };
export type HandlerGroup<K extends RequestName> = Pick<Handlers, K>;

export function createHandlers(ws: Workspace, recent: RecentStore, deps: AppDeps): Handlers {
  return {
    ...createAppHandlers(deps),
    ...createVideoHandlers(ws, recent, deps),
    ...createRecentHandlers(recent, deps),
    ...createProjectHandlers(ws),
    ...createClassHandlers(ws),
    ...createEditHandlers(ws),
    ...createExportHandlers(ws),
    ...createImportHandlers(ws),
    ...createEngineHandlers(ws),
  };
}
