/** A Workspace for unit tests: events recorded, every workspace handler table in `h`. */
import type { EventName, Events } from '../../shared/contract.ts';
import type { VideoService } from '../video/types.ts';
import { createClassHandlers } from './class-handlers.ts';
import { createEditHandlers } from './edit-handlers.ts';
import { createEngineHandlers } from './engine-handlers.ts';
import { createExportHandlers } from './export-handlers.ts';
import { createImportHandlers } from './import-handlers.ts';
import { createProjectHandlers } from './project-handlers.ts';
import { Workspace, type WorkspaceOptions } from './workspace.ts';

export interface RecordedEvent {
  name: EventName;
  payload: Events[EventName];
}

export function testWorkspace(o: { video: VideoService; dataDir: string } & Partial<Omit<WorkspaceOptions, 'emit'>>) {
  const events: RecordedEvent[] = [];
  const ws = new Workspace({ ...o, emit: (name, payload) => void events.push({ name, payload }) });
  const h = { ...createProjectHandlers(ws), ...createClassHandlers(ws), ...createEditHandlers(ws), ...createExportHandlers(ws), ...createImportHandlers(ws), ...createEngineHandlers(ws) };
  return { ws, h, events };
}
