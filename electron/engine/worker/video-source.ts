/**
 * Frames of an opened video or frames folder as a FrameSource for the engine (stems: core's
 * frame-stems). Each frame is copied out of the decoder's cache (its buffer is then transferred to
 * the worker).
 */
import { stemMapFor, type StemSource } from '../../core/frame-stems.ts';
import type { FrameSource } from './client.ts';
import { cameraClock } from '../segment/sources.ts';

/** An opened source as the engine reads it (the backend's VideoService and VideoInfo fit). */
export interface OpenedSource extends StemSource {
  id: string;
  frameCount: number;
}

/** The part of a frame decoder the engine uses (the backend's VideoService fits). */
export interface FrameDecoder {
  frame(sourceId: string, index: number): Promise<{ width: number; height: number; rgba: Uint8Array }>;
  /** Playhead hint for sequential prefetch. */
  playhead(sourceId: string, index: number, direction: 1): void;
}

export function videoFrameSource(decoder: FrameDecoder, info: OpenedSource): FrameSource {
  const stems = stemMapFor(info);
  return {
    total: info.frameCount,
    async read(index) {
      const t0 = performance.now();
      const f = await decoder.frame(info.id, index);
      decoder.playhead(info.id, index, 1);
      const rgba = new Uint8Array(f.rgba);
      return { index, stem: stems.stemOf(index), width: f.width, height: f.height, rgba, decodeMs: performance.now() - t0 };
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
