/**
 * Keeps the viewer's frame in step with the playhead through a LatestFrameQueue (latest wins).
 * A frame that cannot be loaded after its retries is shown as an error on the frame
 * (frameError); retryFrames() (the error's button, or a reconnection) loads it again.
 */
import { useEffect, useRef, useState } from 'react';
import { isTransient } from '../client/errors.ts';
import { appStore, useApp } from '../store/index.ts';
import { cachedFrame, loadFrame } from '../client/resources.ts';
import { LatestFrameQueue } from './latest-frame-queue.ts';

export interface ShownFrame {
  videoId: string;
  index: number;
  bitmap: ImageBitmap;
}

export function useLatestFrame(videoId: string | undefined, index: number): ShownFrame | null {
  const [shown, setShown] = useState<ShownFrame | null>(null);
  const queue = useRef<LatestFrameQueue<ImageBitmap> | null>(null);
  queue.current ??= new LatestFrameQueue<ImageBitmap>({
    load: (k) => loadFrame(k.videoId, k.index),
    cached: (k) => cachedFrame(k.videoId, k.index),
    show: (k, bitmap) => {
      setShown({ videoId: k.videoId, index: k.index, bitmap });
      if (appStore.getState().frameError?.index === k.index) appStore.getState().setFrameError(null);
    },
    fail: (k, e, stillWanted) => {
      if (stillWanted) appStore.getState().setFrameError({ index: k.index, message: e instanceof Error ? e.message : String(e) });
    },
    retryable: isTransient,
  });
  const retry = useApp((s) => s.frameRetry);

  useEffect(() => {
    if (retry > 0) queue.current?.retry();
  }, [retry]);

  useEffect(() => {
    if (videoId) queue.current?.want({ videoId, index });
    else setShown(null);
  }, [videoId, index]);

  return shown;
}
