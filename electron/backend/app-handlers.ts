/** The app.*, video.* and recent.* handler tables. */
import type { AppInfo, RecentItem } from '../shared/contract.ts';
import { stat } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { VssError } from '../core/errors.ts';
import type { HandlerGroup } from './handlers.ts';
import type { RecentStore } from './recent.ts';
import type { Workspace } from './workspace/workspace.ts';

export interface AppDeps {
  transport: AppInfo['transport'];
  version: string;
  engine?: { available: boolean; note: string };
  cacheLimitMB?: number;
  openDialog?: () => Promise<string | null>;
  /** Reveals a path in the system file manager (desktop app only). */
  showInFolder?: (path: string) => void;
  onRecentChanged?: (items: RecentItem[]) => void;
}

export function createAppHandlers(deps: AppDeps): HandlerGroup<'app.info' | 'app.openDialog' | 'app.showInFolder'> {
  return {
    'app.info': async () => ({
      version: deps.version,
      transport: deps.transport,
      engine: deps.engine ? { available: deps.engine.available, note: deps.engine.note } : { available: false, note: 'no engine worker in this host' },
      cacheLimitMB: deps.cacheLimitMB ?? 512,
    }),
    'app.openDialog': async () => {
      if (!deps.openDialog) throw new VssError('UNSUPPORTED', 'a native file dialog exists only in the desktop app; type a path instead');
      return { path: await deps.openDialog() };
    },
    'app.showInFolder': async ({ path }) => {
      if (!deps.showInFolder) throw new VssError('UNSUPPORTED', 'a browser cannot open folders on the machine: copy the path instead');
      const abs = resolve(path);
      if (!isAbsolute(path)) throw new VssError('BAD_REQUEST', `not an absolute path: ${path}`);
      try {
        await stat(abs);
      } catch {
        throw new VssError('NOT_FOUND', `${abs} does not exist`);
      }
      deps.showInFolder(abs);
      return { ok: true };
    },
  };
}

export function createVideoHandlers(ws: Workspace, recent: RecentStore, deps: Pick<AppDeps, 'onRecentChanged'>): HandlerGroup<'video.open' | 'video.close' | 'video.list' | 'video.playhead'> {
  return {
    'video.open': async ({ path, fps }) => {
      const info = await ws.openVideo(path, { fps });
      // A read-only data folder must not block opening.
      await recent.add(info.path).then(deps.onRecentChanged, () => undefined);
      return info;
    },
    'video.close': async ({ videoId }) => ({ closed: await ws.video.close(videoId) }),
    'video.list': async () => ({ videos: ws.video.list() }),
    'video.playhead': async ({ videoId, index, direction }) => {
      const info = ws.video.get(videoId);
      if (!info) throw new VssError('NOT_FOUND', `no open video with id "${videoId}"`);
      if (index >= info.frameCount) throw new VssError('OUT_OF_RANGE', `frame ${index} is past the last frame (${info.frameCount - 1})`);
      ws.video.playhead(videoId, index, direction);
      return { ok: true };
    },
  };
}

export function createRecentHandlers(recent: RecentStore, deps: Pick<AppDeps, 'onRecentChanged'>): HandlerGroup<'recent.list' | 'recent.clear'> {
  return {
    'recent.list': async () => ({ items: await recent.list() }),
    'recent.clear': async () => {
      const items = await recent.clear();
      deps.onRecentChanged?.(items);
      return { items };
    },
  };
}
