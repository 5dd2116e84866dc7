/**
 * createVideoService(): the VideoService used by the CLI, the review host and Electron main.
 * Opens video files and frames folders, serves exact frames through one shared LRU cache.
 */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { VideoInfo } from '../../shared/contract.ts';
import { VssError } from '../../core/errors.ts';
import { FileSession, type RunRecord } from './file-session.ts';
import { FolderSession } from './folder-session.ts';
import { cacheLimitMB, FrameCache } from './frame-cache.ts';
import { folderTiming, openFramesFolder } from './open-folder.ts';
import { expectFrameRate } from '../../core/frame-rate.ts';
import { openVideoFile } from './open-video.ts';
import type { OpenedSource, VerifyMode } from './source.ts';
import type { DecodedFrame, VideoService } from './types.ts';

export interface VideoServiceOptions {
  /** Frame cache limit in MB (default VSS_CACHE_MB, else 512). */
  cacheMB?: number;
  /** How open() checks video files (default 'full', see VerifyMode). */
  verify?: VerifyMode;
  /** Frames decoded ahead of the playhead during forward play (default 30, capped to half the cache). */
  aheadFrames?: number;
  /** Decode processes per video (default 2). */
  maxRuns?: number;
  /** ffmpeg decoder threads per process (default 0 = one per core; ffmpeg's own auto would start cores+1). */
  threads?: number;
  /** Random access through the packet feed where possible (default true, see packet-access.ts). */
  packetAccess?: boolean;
}

/** The service plus a few extras for tools, benchmarks and tests. */
export interface VideoServiceExt extends VideoService {
  readonly cache: FrameCache;
  readonly cacheLimitMB: number;
  /** Drops cached frames and stops idle decoders (benchmarks use it to measure cold access). */
  clearCache(videoId?: string): void;
  /** Decode runs started for a video, newest last (from, to, start keyframe). */
  decodeLog(videoId: string): RunRecord[];
}

type Session = FileSession | FolderSession;
const NO_FPS = 'a frame rate can be set only for a folder of frames (a video file has its own)';

async function openSource(path: string, fps: number | undefined, verify: VerifyMode): Promise<OpenedSource> {
  let isDir: boolean;
  try {
    isDir = (await stat(path)).isDirectory();
  } catch {
    throw new VssError('NOT_FOUND', `no such file or folder: ${path}`);
  }
  if (!isDir && fps !== undefined) throw new VssError('BAD_REQUEST', `${NO_FPS}: ${path}`);
  return isDir ? openFramesFolder(path, fps) : openVideoFile(path, verify);
}

/** Shows an open frames folder at another frame rate. */
function retime(e: { info: VideoInfo; session: Session }, fps: number): VideoInfo {
  if (e.info.fps === fps) return e.info;
  if (!(e.session instanceof FolderSession)) throw new VssError('BAD_REQUEST', `${NO_FPS}: ${e.info.path}`);
  const timing = folderTiming(e.info.frameCount, expectFrameRate(fps, 'fps'));
  e.info = { ...e.info, ...timing };
  e.session.retime(timing.timestamps);
  return e.info;
}

/** The decoding session of an opened source, sharing the service's frame cache. */
function newSession(id: string, src: OpenedSource, info: VideoInfo, cache: FrameCache, options: VideoServiceOptions): Session {
  if (src.kind !== 'video') return new FolderSession(id, src, cache);
  const frameBytes = info.width * info.height * 4;
  const half = Math.floor(cache.limitBytes / 2 / Math.max(1, frameBytes));
  const aheadFrames = Math.max(1, Math.min(options.aheadFrames ?? 30, half));
  return new FileSession(id, src, { cache, aheadFrames, maxRuns: options.maxRuns ?? 2, threads: options.threads ?? 0, packetAccess: options.packetAccess });
}

export function createVideoService(options: VideoServiceOptions = {}): VideoServiceExt {
  const limitMB = cacheLimitMB(options.cacheMB);
  const cache = new FrameCache(limitMB * 1024 * 1024);
  const videos = new Map<string, { info: VideoInfo; session: Session }>();
  let counter = 0;

  function entry(videoId: string) {
    const e = videos.get(videoId);
    if (!e) throw new VssError('NOT_FOUND', `no open video with id "${videoId}"`);
    return e;
  }

  return {
    cache,
    cacheLimitMB: limitMB,
    async open(path, opts = {}) {
      if (typeof path !== 'string' || path.trim() === '') throw new VssError('BAD_REQUEST', 'path must not be empty');
      const abs = resolve(path);
      for (const e of videos.values()) if (e.info.path === abs) return opts.fps === undefined ? e.info : retime(e, opts.fps);
      const src = await openSource(abs, opts.fps === undefined ? undefined : expectFrameRate(opts.fps, 'fps'), options.verify ?? 'full');
      const id = `v${++counter}`;
      const info: VideoInfo = { id, ...src.info };
      videos.set(id, { info, session: newSession(id, src, info, cache, options) });
      return info;
    },
    get: (id) => videos.get(id)?.info,
    list: () => [...videos.values()].map((e) => e.info),
    frame(videoId, index): Promise<DecodedFrame> {
      try {
        const { info, session } = entry(videoId);
        checkIndex(index, info.frameCount);
        return session.frame(index);
      } catch (e) {
        return Promise.reject(e);
      }
    },
    playhead(videoId, index, direction) {
      const e = videos.get(videoId);
      if (!e || !Number.isInteger(index) || index < 0 || index >= e.info.frameCount) return;
      e.session.playhead(index, direction);
    },
    async close(videoId) {
      const e = videos.get(videoId);
      if (!e) return false;
      videos.delete(videoId);
      await e.session.close();
      return true;
    },
    async dispose() {
      await Promise.all([...videos.values()].map((e) => e.session.close()));
      videos.clear();
      cache.clear();
    },
    clearCache(videoId) {
      cache.clear(videoId);
      for (const [id, e] of videos) if ((videoId === undefined || id === videoId) && e.session instanceof FileSession) e.session.stopRuns();
    },
    decodeLog(videoId) {
      const s = entry(videoId).session;
      return s instanceof FileSession ? [...s.log] : [];
    },
  };
}

export function checkIndex(index: number, frameCount: number): void {
  if (typeof index !== 'number' || !Number.isInteger(index)) {
    throw new VssError('BAD_REQUEST', `frame index must be an integer, got ${String(index)}`);
  }
  if (index < 0 || index >= frameCount) {
    throw new VssError('OUT_OF_RANGE', `frame index ${index} is out of range (0-${frameCount - 1})`);
  }
}
