/**
 * Hover readout: the class and confidence under the cursor. Listens on the viewer (the layer
 * stack's parent) without taking pointer events from it; reads the cached grids of the shown frame.
 */
import { useEffect, useRef } from 'react';
import { appStore, useApp } from '../store/index.ts';
import { currentView } from '../store/view-slice.ts';
import { canvasToImage } from '../viewer/view-transform.ts';
import { loadLabels } from './grid-cache.ts';
import type { TrackRef } from './overlay-inputs.ts';

export function HoverProbe({ main }: { main: TrackRef | null }) {
  const anchor = useRef<HTMLDivElement>(null);
  const hover = useApp((s) => s.hover);
  const mainRef = useRef(main);
  mainRef.current = main;

  useEffect(() => {
    const el = anchor.current?.parentElement;
    if (!el) return;
    let seq = 0;
    const onMove = (e: PointerEvent) => {
      const s = appStore.getState();
      const t = mainRef.current;
      if (!t || !s.project?.view.overlays.mask || e.buttons !== 0) return s.hover && s.setHover(null);
      const r = el.getBoundingClientRect();
      const dpr = window.devicePixelRatio || 1;
      const p = canvasToImage(currentView(s), (e.clientX - r.left) * dpr, (e.clientY - r.top) * dpr);
      const x = Math.floor(p.x);
      const y = Math.floor(p.y);
      const my = ++seq;
      void Promise.all([loadLabels('labels', t.projectId, t.trackId, s.index), loadLabels('confidence', t.projectId, t.trackId, s.index)]).then(([l, c]) => {
        if (my !== seq) return;
        if (!l || x < 0 || y < 0 || x >= l.width || y >= l.height) return appStore.getState().setHover(null);
        const id = l.data[y * l.width + x]!;
        const name = appStore.getState().project?.classes.find((k) => k.id === id)?.name ?? (id === appStore.getState().project?.ignoreIndex ? 'void' : `class ${id}`);
        const conf = c && c.width === l.width ? c.data[y * c.width + x]! / 255 : null;
        appStore.getState().setHover({ x, y, classId: id, className: name, confidence: conf });
      }, () => undefined);
    };
    const onLeave = () => {
      seq++;
      appStore.getState().setHover(null);
    };
    el.addEventListener('pointermove', onMove);
    el.addEventListener('pointerleave', onLeave);
    return () => {
      el.removeEventListener('pointermove', onMove);
      el.removeEventListener('pointerleave', onLeave);
    };
  }, []);

  return (
    <div ref={anchor} className="hover-anchor">
      {hover && (
        <div className="hover-readout" data-testid="hover-readout">
          {hover.className}
          {hover.confidence !== null && ` · ${Math.round(hover.confidence * 100)}%`}
          <span className="muted"> ({hover.x}, {hover.y})</span>
        </div>
      )}
    </div>
  );
}
