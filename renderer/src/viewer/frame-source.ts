/** Frames for the viewer: cache first, else fetch RGBA → ImageData → ImageBitmap (in-flight requests shared). */
import { bridge } from '../client/bridge.ts';
import { fetchFrame } from '../client/frames.ts';
import { FrameCache } from './frame-cache.ts';

const cache = new FrameCache(48);
const inFlight = new Map<string, Promise<ImageBitmap>>();

export function cachedFrame(videoId: string, index: number): ImageBitmap | undefined {
  return cache.get(FrameCache.key(videoId, index));
}

export function loadFrame(videoId: string, index: number): Promise<ImageBitmap> {
  const key = FrameCache.key(videoId, index);
  const hit = cache.get(key);
  if (hit) return Promise.resolve(hit);
  let p = inFlight.get(key);
  if (!p) {
    p = fetchFrame(bridge, videoId, index)
      .then((f) => {
        const pixels = new Uint8ClampedArray(f.rgba.buffer as ArrayBuffer, f.rgba.byteOffset, f.rgba.length);
        return createImageBitmap(new ImageData(pixels, f.width, f.height), { premultiplyAlpha: 'none', colorSpaceConversion: 'none' });
      })
      .then((bmp) => {
        cache.set(key, bmp);
        return bmp;
      })
      .finally(() => inFlight.delete(key));
    inFlight.set(key, p);
  }
  return p;
}

export function clearFrames(): void {
  cache.clear();
}
