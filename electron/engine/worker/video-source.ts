/**
 * Frames of an opened video or frames folder (VideoService) as a FrameSource for the engine.
 * Stems: the image name without extension for folders, the zero-padded 6-digit index for videos.
 * Each frame is copied out of the service's cache (its buffer is then transferred to the worker).
 */
import type { VideoInfo } from '../../shared/contract.ts';
import type { VideoService } from '../../backend/video/types.ts';
import type { FrameSource } from './client.ts';
import { cameraClock } from '../segment/sources.ts';

export function frameStem(info: VideoInfo, index: number): string {
  const name = info.kind === 'frames' ? info.frameNames[index] : undefined;
  return name !== undefined ? name.replace(/\.[^.]+$/, '') : String(index).padStart(6, '0');
}

export function videoFrameSource(service: VideoService, info: VideoInfo): FrameSource {
  return {
    total: info.frameCount,
    async read(index) {
      const t0 = performance.now();
      const f = await service.frame(info.id, index);
      service.playhead(info.id, index, 1);
      const rgba = new Uint8Array(f.rgba);
      return { index, stem: frameStem(info, index), width: f.width, height: f.height, rgba, decodeMs: performance.now() - t0 };
    },
  };
}

/**
 * Realtime runs (streaming use): frame i is delivered no sooner than i / fps seconds after the first
 * read, as a camera delivers them (cameraClock). The engine's back-pressure bounds how far decoding
 * runs ahead.
 */
export function pacedSource(src: FrameSource, fps: number): FrameSource {
  const wait = cameraClock(fps);
  return {
    total: src.total,
    async read(index) {
      const f = await src.read(index);
      await wait(index);
      return f;
    },
    ...(src.close ? { close: () => src.close!() } : {}),
  };
}
