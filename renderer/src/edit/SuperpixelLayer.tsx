/**
 * While the superpixel tool is active: asks the worker for the superpixels of the shown frame
 * (at its label map's size and the chosen superpixel size) and draws their outlines. Redrawn
 * only when the superpixels, the view or the canvas size change.
 */
import { useEffect, useRef } from 'react';
import { useShallow } from 'zustand/shallow';
import { appStore, useApp } from '../store/index.ts';
import { currentView } from '../store/view-slice.ts';
import { editing, superpixels } from './editing.ts';
import { SuperpixelEdgeCanvas } from './superpixel-edges.ts';

export function SuperpixelLayer() {
  const ref = useRef<HTMLCanvasElement>(null);
  const edges = useRef(new SuperpixelEdgeCanvas());
  const active = useApp((s) => s.tool === 'superpixel');
  const videoId = useApp((s) => s.video?.id ?? null);
  const index = useApp((s) => s.index);
  const size = useApp((s) => s.superpixelSize);
  const labelsFrame = useApp((s) => s.editFrame);
  const status = useApp(useShallow((s) => s.superpixelStatus));
  const viewport = useApp(useShallow((s) => s.viewport));
  const view = useApp(useShallow((s) => currentView(s)));

  useEffect(() => () => superpixels.dispose(), []); // the worker ends with the viewer

  useEffect(() => {
    const labels = editing.session()?.labelsOf(index);
    superpixels.want(active && videoId && labels ? { videoId, frame: index, width: labels.width, height: labels.height, size } : null);
  }, [active, videoId, index, size, labelsFrame]);

  useEffect(() => {
    const c = ref.current;
    const ctx = c?.getContext('2d');
    const video = appStore.getState().video;
    if (!c || !ctx || !video) return;
    if (c.width !== viewport.width) c.width = viewport.width;
    if (c.height !== viewport.height) c.height = viewport.height;
    edges.current.draw(ctx, active ? superpixels.forFrame(index) : null, view, video);
  }, [active, index, status, view, viewport]);

  return (
    <canvas
      ref={ref}
      className="layer superpixel-edges"
      data-testid="superpixel-layer"
      data-state={active && status?.frame === index ? status.state : ''}
      data-count={status?.state === 'ready' ? status.count : 0}
    />
  );
}
