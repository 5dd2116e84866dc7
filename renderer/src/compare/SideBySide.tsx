/**
 * Side-by-side compare: the frame with the main track's mask on the left and the compare track's
 * on the right, one canvas split in two panes that share zoom, pan and the frame (wheel and drag
 * on the viewer move both). Fit fits each pane; a manual view applies to both.
 */
import { useEffect, useRef } from 'react';
import { useShallow } from 'zustand/shallow';
import { useApp } from '../store/index.ts';
import { fitView } from '../viewer/view-transform.ts';
import { useLatestFrame } from '../viewer/use-latest-frame.ts';
import { maskImage } from '../overlays/layers.ts';
import { labelsKey, maskStyleKey, useMaskStyle, type TrackRef } from '../overlays/overlay-inputs.ts';
import { labelsRevision } from '../client/resources.ts';
import type { RasterImage } from '../overlays/RasterCanvas.tsx';
import { useRaster } from '../overlays/use-raster.ts';

function usePaneMask(t: TrackRef | null, index: number): RasterImage | null {
  const style = useMaskStyle();
  const { classes, hidden, opacity, ignore } = style;
  const k = labelsKey(t, index, t ? labelsRevision(t.projectId, t.trackId) : 0);
  return useRaster(k && `${k}/${maskStyleKey(style)}`, (r) => maskImage(t!, index, classes, hidden, opacity, ignore, r));
}

function toCanvas(img: RasterImage, cache: { c: HTMLCanvasElement | null; seq: number }): HTMLCanvasElement {
  cache.c ??= document.createElement('canvas');
  if (cache.seq !== img.seq) {
    cache.c.width = img.width;
    cache.c.height = img.height;
    cache.c.getContext('2d')?.putImageData(new ImageData(img.rgba as Uint8ClampedArray<ArrayBuffer>, img.width, img.height), 0, 0);
    cache.seq = img.seq;
  }
  return cache.c;
}

export function SideBySide({ main, other }: { main: TrackRef; other: TrackRef }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const caches = useRef([{ c: null as HTMLCanvasElement | null, seq: -1 }, { c: null as HTMLCanvasElement | null, seq: -1 }]);
  const video = useApp((s) => s.video);
  const index = useApp((s) => s.index);
  const viewport = useApp(useShallow((s) => s.viewport));
  const viewMode = useApp((s) => s.viewMode);
  const manual = useApp(useShallow((s) => s.manualView));
  const shown = useLatestFrame(video?.id, index);
  const left = usePaneMask(main, index);
  const right = usePaneMask(other, index);

  useEffect(() => {
    const c = canvas.current;
    const ctx = c?.getContext('2d', { alpha: false });
    if (!c || !ctx || !video) return;
    if (c.width !== viewport.width) c.width = viewport.width;
    if (c.height !== viewport.height) c.height = viewport.height;
    const pw = Math.floor(c.width / 2);
    const view = viewMode === 'fit' ? fitView(video, { width: pw - 2, height: c.height }) : manual;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = '#111317';
    ctx.fillRect(0, 0, c.width, c.height);
    [left, right].forEach((mask, pane) => {
      ctx.save();
      ctx.beginPath();
      ctx.rect(pane * (pw + 2), 0, pw - 2 + pane * 2, c.height);
      ctx.clip();
      ctx.translate(pane * (pw + 2), 0);
      ctx.imageSmoothingEnabled = view.scale < 1;
      if (shown && shown.bitmap.width > 0) ctx.drawImage(shown.bitmap, view.x, view.y, video.width * view.scale, video.height * view.scale);
      if (mask) ctx.drawImage(toCanvas(mask, caches.current[pane]!), view.x, view.y, mask.width * view.scale, mask.height * view.scale);
      ctx.restore();
    });
    ctx.fillStyle = '#4c9aff';
    ctx.fillRect(pw - 1, 0, 2, c.height);
  }, [shown, left, right, viewport, viewMode, manual, video]);

  return (
    <>
      <canvas ref={canvas} className="layer" data-testid="compare-canvas" data-left={left?.index ?? -1} data-right={right?.index ?? -1} />
      <div className="pane-label left" data-testid="pane-label-left">{main.name}</div>
      <div className="pane-label right" data-testid="pane-label-right">{other.name}</div>
    </>
  );
}
