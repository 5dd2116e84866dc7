/**
 * createBackend(): implements every contract request over the backend services. Plain Node
 * (no electron import), shared by the CLI, the review host and the Electron main process.
 * Transports hand untrusted input to dispatch(), which validates with requestValidators.
 */
import { isRequestName, requestValidators, type AppInfo, type RecentItem, type EventName, type Events, type Req, type RequestName, type Res } from '../shared/contract.ts';
import { VssError } from '../core/errors.ts';
import { createHandlers } from './handlers.ts';
import { createRecentStore, resolveDataDir } from './recent.ts';
import type { DecodedFrame, VideoService } from './video/types.ts';
import type { ResourceRequest, ResourceResponse } from './resources.ts';
import { readResource } from './workspace/resource-read.ts';
import { Workspace, type WorkspaceOptions } from './workspace/workspace.ts';

/** What app.info reports about the engine worker (the Electron main and the review host say). */
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
  /** The engine worker's availability; unset: reported as unavailable. */
  engine?: EngineSlot;
  /** Folder of the model bundles (the Electron main passes its app's native-models); default modelsRoot(). */
  modelsDir?: string;
  /** Native "open" dialog; only the Electron main process provides one. */
  openDialog?: () => Promise<string | null>;
  /** Reveals an (existing, absolute) path in the file manager; only the Electron main process provides it. */
  showInFolder?: (path: string) => void;
  cacheLimitMB?: number;
  /** Called after the recent list changes (Electron rebuilds its Open Recent menu). */
  onRecentChanged?: (items: RecentItem[]) => void;
  /** Projects kept open at once, engine and flow test doubles (see Workspace). */
  workspace?: Pick<WorkspaceOptions, 'maxOpen' | 'engine' | 'flows'>;
}

export type EventListener = <E extends EventName>(name: E, payload: Events[E]) => void;

export interface Backend {
  /** What is open: videos, projects, engine runs, the flow service. */
  workspace: Workspace;
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
  const listeners = new Set<EventListener>();
  const ws = new Workspace({
    ...deps.workspace,
    video,
    dataDir,
    ...(deps.modelsDir ? { modelsDir: deps.modelsDir } : {}),
    emit: (name, payload) => {
      for (const l of listeners) l(name, payload);
    },
  });
  const handlers = createHandlers(ws, createRecentStore(dataDir), deps);

  function handle<K extends RequestName>(name: K, req: Req<K>): Promise<Res<K>> {
    const h = handlers[name] as (r: Req<K>) => Promise<Res<K>>;
    return h(req);
  }

  const frame = async (videoId: string, index: number): Promise<DecodedFrame> => {
    const info = video.get(videoId);
    if (!info) throw new VssError('NOT_FOUND', `no open video with id "${videoId}"`);
    if (!Number.isInteger(index) || index < 0 || index >= info.frameCount) {
      throw new VssError('OUT_OF_RANGE', `frame ${index} is out of range (0..${info.frameCount - 1})`);
    }
    return video.frame(videoId, index);
  };

  return {
    workspace: ws,
    handle,
    async dispatch(name, req) {
      if (!isRequestName(name)) throw new VssError('BAD_REQUEST', `unknown request "${String(name).slice(0, 64)}"`);
      const valid = requestValidators[name](req, name) as Req<typeof name>;
      return handle(name, valid);
    },
    frame,
    resource: (req) => readResource({ ws, frame }, req),
    emit: (name, payload) => ws.emit(name, payload),
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async dispose() {
      await ws.dispose();
      listeners.clear();
      await deps.engine?.dispose?.();
      await video.dispose();
    },
  };
}
