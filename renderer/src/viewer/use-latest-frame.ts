/**
 * Keeps the viewer's frame in step with the playhead. At most two requests are in flight; when
 * one returns and the playhead has moved on, the newest wanted frame is requested next, so
 * playback skips frames when decoding falls behind. A response is drawn only if it was requested
 * after the one on screen: an out-of-order (stale) response is never shown.
 */
import { useEffect, useRef, useState } from 'react';
import { appStore } from '../store/index.ts';
import { cachedFrame, loadFrame } from './frame-source.ts';

export interface ShownFrame {
  videoId: string;
  index: number;
  bitmap: ImageBitmap;
}

const MAX_IN_FLIGHT = 2;

export function useLatestFrame(videoId: string | undefined, index: number): ShownFrame | null {
  const [shown, setShown] = useState<ShownFrame | null>(null);
  const st = useRef({ seq: 0, shownSeq: 0, inFlight: 0, requested: '', wanted: { videoId: '', index: -1 } });

  useEffect(() => {
    const s = st.current;
    if (!videoId) {
      setShown(null);
      return;
    }
    s.wanted = { videoId, index };
    const show = (seq: number, bitmap: ImageBitmap, vid: string, i: number) => {
      if (seq <= s.shownSeq) return; // stale: something requested later is already on screen
      s.shownSeq = seq;
      setShown({ videoId: vid, index: i, bitmap });
    };
    const pump = () => {
      const { videoId: vid, index: i } = s.wanted;
      const key = `${vid}:${i}`;
      if (s.requested === key || s.inFlight >= MAX_IN_FLIGHT) return;
      s.requested = key;
      const seq = ++s.seq;
      const hit = cachedFrame(vid, i);
      if (hit) return show(seq, hit, vid, i);
      s.inFlight++;
      loadFrame(vid, i)
        .then((bmp) => show(seq, bmp, vid, i))
        .catch((e: unknown) => {
          if (s.requested === key) s.requested = ''; // allow a retry of the same frame
          if (s.wanted.videoId === vid && s.wanted.index === i) {
            appStore.getState().notify('error', `frame ${i}: ${e instanceof Error ? e.message : String(e)}`);
          }
        })
        .finally(() => {
          s.inFlight--;
          pump();
        });
    };
    pump();
  }, [videoId, index]);

  return shown;
}
