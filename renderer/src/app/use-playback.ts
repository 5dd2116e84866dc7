/**
 * Playback at the clip's own timing: each animation frame moves the playhead to the frame whose
 * true timestamp matches the wall clock (VFR follows its timestamps). When decoding falls behind,
 * frames are skipped so the wall-clock rate holds; the achieved rate counts frames actually drawn.
 */
import { useEffect } from 'react';
import { appStore, useApp } from '../store/index.ts';
import { frameAtTime } from './timecode.ts';

export function usePlayback(): void {
  const playing = useApp((s) => s.playing);

  useEffect(() => {
    if (!playing) return;
    const s0 = appStore.getState();
    const video = s0.video;
    if (!video || video.frameCount < 2) {
      s0.setPlaying(false);
      return;
    }
    const ts = video.timestamps.length === video.frameCount ? video.timestamps : Array.from({ length: video.frameCount }, (_, i) => i / (video.fps || 25));
    const last = video.frameCount - 1;
    if (s0.index >= last) s0.seek(0);
    const startPts = ts[appStore.getState().index]!;
    const t0 = performance.now();
    let raf = 0;
    let drawn = 0;
    let windowStart = t0;
    const offDrawn = appStore.subscribe((s, prev) => {
      if (s.displayedIndex !== prev.displayedIndex) drawn++;
    });
    const tick = (now: number) => {
      const s = appStore.getState();
      if (!s.playing || s.video?.id !== video.id) return;
      const target = frameAtTime(ts, startPts + (now - t0) / 1000);
      if (target !== s.index) s.seek(target);
      if (now - windowStart >= 500) {
        s.setAchievedFps((drawn * 1000) / (now - windowStart));
        drawn = 0;
        windowStart = now;
      }
      if (target >= last) {
        s.setPlaying(false);
        return;
      }
      raf = requestAnimationFrame(tick);
    };
    raf = requestAnimationFrame(tick);
    return () => {
      cancelAnimationFrame(raf);
      offDrawn();
    };
  }, [playing]);
}
