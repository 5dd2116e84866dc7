/**
 * createBackend(): implements every contract request over the backend services. Plain Node
 * (no electron import), shared by the CLI, the review host and the Electron main process.
 * Transports hand untrusted input to dispatch(), which validates with requestValidators.
 */
import { resolve } from 'node:path';
import {
  isRequestName,
  requestValidators,
  type AppInfo,
  type RecentItem,
  type EventName,
  type Events,
  type Req,
  type RequestName,
  type Res,
} from '../shared/contract.ts';
import { VssError } from '../core/errors.ts';
import { createRecentStore, resolveDataDir, type RecentStore } from './recent.ts';
import type { DecodedFrame, VideoService } from './video/types.ts';
import type { Handlers } from './handlers.ts';
import type { WorkspaceContext } from './workspace/context.ts';
import { createProjectHandlers } from './workspace/project-handlers.ts';
import { flushAllProjects } from './workspace/project-session.ts';
import { createEngineHandlers, disposeEngineRuns } from './workspace/engine-handlers.ts';
import type { ResourceRequest, ResourceResponse } from './resources.ts';
import { readResource } from './workspace/resource-read.ts';
import { FlowCache } from './workspace/resource-flow.ts';

/** Whether the engine worker (electron/engine/worker) can run in this process, as app.info reports it. */
export interface EngineSlot {
  available: boolean;
  note: string;
  dispose?(): Promise<void>;
}

export interface BackendDeps {
  video: VideoService;
  transport: AppInfo['transport'];
  version: string;
  /** Data folder for recent files etc.; defaults to $VSS_HOME or ~/.vss-studio. */
  dataDir?: string;
  /** Engine availability; absent: reported as not available (the review host, tests). */
  engine?: EngineSlot;
  /** Folder of the model bundles (the Electron main passes its app's native-models); default modelsRoot(). */
  modelsDir?: string;
  /** Native "open" dialog; only the Electron main process provides one. */
  openDialog?: () => Promise<string | null>;
  cacheLimitMB?: number;
  /** Called after the recent list changes (Electron rebuilds its Open Recent menu). */
  onRecentChanged?: (items: RecentItem[]) => void;
}

export type EventListener = <E extends EventName>(name: E, payload: Events[E]) => void;

export interface Backend {
  handle<K extends RequestName>(name: K, req: Req<K>): Promise<Res<K>>;
  /** Validates an untrusted request (name and argument) and handles it. Throws VssError/ValidationError. */
  dispatch(name: unknown, req: unknown): Promise<unknown>;
  /** One frame of an opened video, index checked against the frame count. */
  frame(videoId: string, index: number): Promise<DecodedFrame>;
  /** A binary resource (frames, labels, confidence, flow; see resources.ts), ids and indices checked. */
  resource(req: ResourceRequest): Promise<ResourceResponse>;
  emit<E extends EventName>(name: E, payload: Events[E]): void;
  onEvent(listener: EventListener): () => void;
  dispose(): Promise<void>;
}

export function createBackend(deps: BackendDeps): Backend {
  const { video } = deps;
  const dataDir = deps.dataDir ?? resolveDataDir();
  const recent: RecentStore = createRecentStore(dataDir);
  const listeners = new Set<EventListener>();
  const workspace: WorkspaceContext = {
    video,
    dataDir,
    projects: new Map(),
    ...(deps.modelsDir ? { modelsDir: deps.modelsDir } : {}),
    emit: (name, payload) => {
      for (const l of listeners) l(name, payload);
    },
  };

  function known(videoId: string) {
    const info = video.get(videoId);
    if (!info) throw new VssError('NOT_FOUND', `no open video with id "${videoId}"`);
    return info;
  }

  const handlers: Handlers = {
    'app.info': async () => ({
      version: deps.version,
      transport: deps.transport,
      engine: deps.engine
        ? { available: deps.engine.available, note: deps.engine.note }
        : { available: false, note: 'engine availability not reported by this host' },
      cacheLimitMB: deps.cacheLimitMB ?? 512,
    }),
    'app.openDialog': async () => {
      if (!deps.openDialog) throw new VssError('UNSUPPORTED', 'a native file dialog exists only in the desktop app; type a path instead');
      return { path: await deps.openDialog() };
    },
    'video.open': async ({ path }) => {
      const abs = resolve(path);
      const already = video.list().find((v) => v.path === abs);
      const info = already ?? (await video.open(abs));
      // A read-only data folder must not block opening.
      await recent.add(info.path).then(deps.onRecentChanged, () => undefined);
      return info;
    },
    'video.close': async ({ videoId }) => ({ closed: await video.close(videoId) }),
    'video.list': async () => ({ videos: video.list() }),
    'recent.list': async () => ({ items: await recent.list() }),
    'recent.clear': async () => {
      const items = await recent.clear();
      deps.onRecentChanged?.(items);
      return { items };
    },
    'video.playhead': async ({ videoId, index, direction }) => {
      const info = known(videoId);
      if (index >= info.frameCount) throw new VssError('OUT_OF_RANGE', `frame ${index} is past the last frame (${info.frameCount - 1})`);
      video.playhead(videoId, index, direction);
      return { ok: true };
    },
    ...createProjectHandlers(workspace),
    ...createEngineHandlers(workspace),
  };

  function handle<K extends RequestName>(name: K, req: Req<K>): Promise<Res<K>> {
    const h = handlers[name] as (r: Req<K>) => Promise<Res<K>>;
    return h(req);
  }

  const frame = async (videoId: string, index: number): Promise<DecodedFrame> => {
    const info = known(videoId);
    if (!Number.isInteger(index) || index < 0 || index >= info.frameCount) {
      throw new VssError('OUT_OF_RANGE', `frame ${index} is out of range (0..${info.frameCount - 1})`);
    }
    return video.frame(videoId, index);
  };
  const flows = new FlowCache(frame);

  return {
    handle,
    async dispatch(name, req) {
      if (!isRequestName(name)) throw new VssError('BAD_REQUEST', `unknown request "${String(name).slice(0, 64)}"`);
      const valid = requestValidators[name](req, name) as Req<typeof name>;
      return handle(name, valid);
    },
    frame,
    resource: (req) => readResource({ ctx: workspace, frame, flows }, req),
    emit: workspace.emit,
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async dispose() {
      await disposeEngineRuns(workspace);
      await flows.dispose();
      await flushAllProjects(workspace);
      listeners.clear();
      await deps.engine?.dispose?.();
      await video.dispose();
    },
  };
}
