/** Handlers for project, edit and export requests (wired by the workspace work). */
import type { HandlerGroup } from '../handlers.ts';
import type { WorkspaceContext } from './context.ts';
import { VssError } from '../errors.ts';

export type ProjectRequestName =
  | 'project.create'
  | 'project.open'
  | 'project.forVideo'
  | 'project.close'
  | 'project.recent'
  | 'project.relocateVideo'
  | 'project.setView'
  | 'project.saveHistory'
  | 'edit.apply'
  | 'edit.propagatePreview'
  | 'frame.lock'
  | 'export.start'
  | 'export.cancel';

export function createProjectHandlers(_ctx: WorkspaceContext): HandlerGroup<ProjectRequestName> {
  const pending = async (): Promise<never> => {
    throw new VssError('UNSUPPORTED', 'projects are not wired into this build yet');
  };
  return {
    'project.create': pending,
    'project.open': pending,
    'project.forVideo': pending,
    'project.close': pending,
    'project.recent': pending,
    'project.relocateVideo': pending,
    'project.setView': pending,
    'project.saveHistory': pending,
    'edit.apply': pending,
    'edit.propagatePreview': pending,
    'frame.lock': pending,
    'export.start': pending,
    'export.cancel': pending,
  };
}
