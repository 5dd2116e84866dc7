/** The viewer: stacked canvas layers, wheel zoom about the cursor, drag to pan. */
import { useEffect, useRef, type PointerEvent } from 'react';
import { appStore, useApp } from '../store/index.ts';
import { FrameLayer } from './FrameLayer.tsx';
import { OverlayStack } from '../overlays/OverlayStack.tsx';
import { EditLayer } from '../edit/EditLayer.tsx';

export function Viewer() {
  const box = useRef<HTMLDivElement>(null);
  const drag = useRef<{ x: number; y: number } | null>(null);
  const hasVideo = useApp((s) => s.video !== null);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const dpr = () => window.devicePixelRatio || 1;
    const ro = new ResizeObserver(() => {
      appStore.getState().setViewport(Math.max(1, Math.round(el.clientWidth * dpr())), Math.max(1, Math.round(el.clientHeight * dpr())));
    });
    ro.observe(el);
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      if (!appStore.getState().video) return;
      const r = el.getBoundingClientRect();
      const factor = Math.exp(-e.deltaY * (e.deltaMode === 1 ? 0.05 : 0.0015));
      appStore.getState().zoomAt((e.clientX - r.left) * dpr(), (e.clientY - r.top) * dpr(), factor);
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => {
      ro.disconnect();
      el.removeEventListener('wheel', onWheel);
    };
  }, []);

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0 || !appStore.getState().video) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { x: e.clientX, y: e.clientY };
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d) return;
    const dpr = window.devicePixelRatio || 1;
    appStore.getState().panBy((e.clientX - d.x) * dpr, (e.clientY - d.y) * dpr);
    drag.current = { x: e.clientX, y: e.clientY };
  };
  const onPointerUp = () => {
    drag.current = null;
  };

  return (
    <div
      ref={box}
      className="viewer"
      data-testid="viewer"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
    >
      <FrameLayer />
      {hasVideo && <OverlayStack />}
      {/* Mask, overlay and tool layers stack here, each redrawn only on its own inputs. */}
      {hasVideo && <EditLayer />}
      {!hasVideo && <div className="viewer-empty">Open a video or a folder of frames (type its path above, or drop it here in the desktop app)</div>}
    </div>
  );
}
