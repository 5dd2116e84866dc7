/**
 * Hover readout: the class and confidence under the cursor. Listens on the viewer (the layer
 * stack's parent) without taking pointer events from it. The class comes from the labels being
 * edited when the frame has them (they change with every edit), else from the cached grids; the
 * readout is probed again, at the last cursor position, when the frame or its labels change.
 */
import { useEffect, useRef } from 'react';
import { appStore, useApp } from '../store/index.ts';
import { currentView } from '../store/view-slice.ts';
import { canvasToImage } from '../viewer/view-transform.ts';
import { editing } from '../edit/editing.ts';
import { loadLabels } from '../client/resources.ts';
import type { TrackRef } from './overlay-inputs.ts';

type Probe = (clientX: number, clientY: number) => void;

function className(id: number): string {
  const p = appStore.getState().project;
  return p?.classes.find((k) => k.id === id)?.name ?? (id === p?.ignoreIndex ? 'void' : `class ${id}`);
}

export function HoverProbe({ main }: { main: TrackRef | null }) {
  const anchor = useRef<HTMLDivElement>(null);
  const hover = useApp((s) => s.hover);
  const mainRef = useRef(main);
  mainRef.current = main;
  const last = useRef<{ x: number; y: number } | null>(null);
  const probe = useRef<Probe | null>(null);
  const index = useApp((s) => s.index);
  const version = useApp((s) => s.labelsVersion);
  const saved = useApp((s) => s.labelsSaved);

  useEffect(() => {
    const el = anchor.current?.parentElement;
    if (!el) return;
    let seq = 0;
    probe.current = (clientX, clientY) => {
      const s = appStore.getState();
      const t = mainRef.current;
      if (!t || !s.project?.view.overlays.mask) return s.hover && s.setHover(null);
      const r = el.getBoundingClientRect();
      const dpr = window.devicePixelRatio || 1;
      const p = canvasToImage(currentView(s), (clientX - r.left) * dpr, (clientY - r.top) * dpr);
      const [x, y, frame] = [Math.floor(p.x), Math.floor(p.y), s.index];
      const my = ++seq;
      const live = editing.session()?.trackId === t.trackId ? editing.session()?.labelsOf(frame) : undefined;
      const labels = live ? Promise.resolve({ width: live.width, height: live.height, data: live.data }) : loadLabels('labels', t.projectId, t.trackId, frame);
      void Promise.all([labels, loadLabels('confidence', t.projectId, t.trackId, frame)]).then(([l, c]) => {
        if (my !== seq) return;
        if (!l || x < 0 || y < 0 || x >= l.width || y >= l.height) return appStore.getState().setHover(null);
        const id = l.data[y * l.width + x]!;
        const conf = c && c.width === l.width ? c.data[y * c.width + x]! / 255 : null;
        appStore.getState().setHover({ x, y, classId: id, className: className(id), confidence: conf });
      }, () => undefined);
    };
    const onMove = (e: PointerEvent) => {
      last.current = { x: e.clientX, y: e.clientY };
      if (e.buttons === 0) probe.current?.(e.clientX, e.clientY);
      else if (appStore.getState().hover) appStore.getState().setHover(null);
    };
    const onLeave = () => {
      seq++;
      last.current = null;
      appStore.getState().setHover(null);
    };
    el.addEventListener('pointermove', onMove);
    el.addEventListener('pointerleave', onLeave);
    return () => {
      el.removeEventListener('pointermove', onMove);
      el.removeEventListener('pointerleave', onLeave);
    };
  }, []);

  // The frame or its labels changed under a still cursor: read again.
  useEffect(() => {
    if (last.current) probe.current?.(last.current.x, last.current.y);
  }, [index, version, saved, main?.trackId]);

  return (
    <div ref={anchor} className="hover-anchor">
      {hover && (
        <div className="hover-readout" data-testid="hover-readout" data-class={hover.classId ?? ''}>
          {hover.className}
          {hover.confidence !== null && ` · ${Math.round(hover.confidence * 100)}%`}
          <span className="muted"> ({hover.x}, {hover.y})</span>
        </div>
      )}
    </div>
  );
}
