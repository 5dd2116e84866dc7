/**
 * Runs an async rasterization when its key changes and keeps the latest result (stale results
 * of an older key are dropped). The previous image stays up until the next one is ready, so
 * scrubbing does not blink; data-frame tells which frame a layer shows.
 */
import { useEffect, useRef, useState } from 'react';
import type { RasterImage } from './RasterCanvas.tsx';

export function useRaster(key: string | null, compute: (reuse: Uint8ClampedArray | null) => Promise<RasterImage | null>): RasterImage | null {
  const [image, setImage] = useState<RasterImage | null>(null);
  const latest = useRef<string | null>(null);
  const buffer = useRef<Uint8ClampedArray | null>(null);
  useEffect(() => {
    latest.current = key;
    if (key === null) {
      setImage(null);
      return;
    }
    compute(buffer.current).then(
      (img) => {
        if (latest.current !== key) return;
        if (img) buffer.current = img.rgba;
        setImage(img);
      },
      () => {
        if (latest.current === key) setImage(null);
      },
    );
    // compute is rebuilt each render; the key says when its inputs changed.
  }, [key]);
  return image;
}

let seq = 0;
export const nextSeq = (): number => ++seq;

/** A reusable RGBA buffer of exactly `pixels` pixels. */
export function rgbaBuffer(reuse: Uint8ClampedArray | null, pixels: number): Uint8ClampedArray {
  return reuse && reuse.length === pixels * 4 ? reuse : new Uint8ClampedArray(pixels * 4);
}
