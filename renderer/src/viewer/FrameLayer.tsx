/**
 * The bottom canvas layer: the decoded frame. Redrawn only when its own inputs change (the
 * frame, the view transform, the canvas size). Later layers (mask, overlays, tools) stack above.
 */
import { useEffect, useRef } from 'react';
import { useShallow } from 'zustand/shallow';
import { appStore, useApp } from '../store/index.ts';
import { currentView } from '../store/view-slice.ts';
import { markPainted } from './paint-marks.ts';
import { useLatestFrame } from './use-latest-frame.ts';

export function FrameLayer() {
  const canvas = useRef<HTMLCanvasElement>(null);
  const videoId = useApp((s) => s.video?.id);
  const index = useApp((s) => s.index);
  const viewport = useApp(useShallow((s) => s.viewport));
  const view = useApp(useShallow((s) => currentView(s)));
  const shown = useLatestFrame(videoId, index);
  const failed = useApp((s) => (s.frameError?.index === index ? s.frameError : null));

  useEffect(() => {
    const c = canvas.current;
    const ctx = c?.getContext('2d', { alpha: false });
    if (!c || !ctx) return;
    if (c.width !== viewport.width) c.width = viewport.width;
    if (c.height !== viewport.height) c.height = viewport.height;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = '#111317';
    ctx.fillRect(0, 0, c.width, c.height);
    // A bitmap closed by cache eviction has width 0; the next frame request replaces it.
    if (!shown || shown.videoId !== videoId || shown.bitmap.width === 0) return;
    // Nearest-neighbour when magnifying so pixels stay crisp and exact; smooth when shrinking.
    ctx.imageSmoothingEnabled = view.scale < 1;
    ctx.drawImage(shown.bitmap, view.x, view.y, shown.bitmap.width * view.scale, shown.bitmap.height * view.scale);
    markPainted(`vss:frame-painted:${shown.index}`);
    appStore.getState().setDisplayed(shown.index);
  }, [shown, videoId, viewport, view]);

  return (
    <>
      {failed && (
        <div className="frame-error" data-testid="frame-error" role="alert">
          <span>
            Frame {failed.index} could not be loaded: {failed.message}
          </span>
          <button onClick={() => appStore.getState().retryFrames()}>Retry</button>
        </div>
      )}
      <canvas
        ref={canvas}
        className="layer"
        data-testid="viewer-canvas"
        data-video={videoId ?? ''}
        data-frame={shown && shown.videoId === videoId ? shown.index : -1}
        data-scale={view.scale}
        data-x={view.x}
        data-y={view.y}
      />
    </>
  );
}
