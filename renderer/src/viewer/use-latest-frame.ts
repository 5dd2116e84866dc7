/** Keeps the viewer's frame in step with the playhead through a LatestFrameQueue (latest wins). */
import { useEffect, useRef, useState } from 'react';
import { appStore } from '../store/index.ts';
import { cachedFrame, loadFrame } from './frame-source.ts';
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
    show: (k, bitmap) => setShown({ videoId: k.videoId, index: k.index, bitmap }),
    fail: (k, e, stillWanted) => {
      if (stillWanted) appStore.getState().notify('error', `frame ${k.index}: ${e instanceof Error ? e.message : String(e)}`);
    },
  });

  useEffect(() => {
    if (videoId) queue.current?.want({ videoId, index });
    else setShown(null);
  }, [videoId, index]);

  return shown;
}
