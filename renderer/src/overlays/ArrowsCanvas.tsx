/** Flow arrows (Shift+O): a sparse grid of motion vectors drawn as lines with heads, in frame pixels. */
import { useEffect, useRef, useState } from 'react';
import type { ViewTransform } from '../viewer/view-transform.ts';
import { flowArrows, type Arrow } from './flow-arrows.ts';
import { loadFlow } from '../client/resources.ts';

interface ArrowsProps {
  videoId: string;
  index: number;
  frameCount: number;
  /** The frame's size in pixels (arrows stay inside it). */
  frameSize: { width: number; height: number };
  view: ViewTransform;
  viewport: { width: number; height: number };
}

export function ArrowsCanvas({ videoId, index, frameCount, frameSize, view, viewport }: ArrowsProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [arrows, setArrows] = useState<{ index: number; list: Arrow[] } | null>(null);

  useEffect(() => {
    let live = true;
    if (index >= frameCount - 1) return setArrows(null);
    void loadFlow(videoId, index).then((g) => {
      if (live) setArrows(g ? { index, list: flowArrows(g.data, g.width, g.height, g.flowScale, 12) } : null);
    }, () => undefined);
    return () => {
      live = false;
    };
  }, [videoId, index, frameCount]);

  useEffect(() => {
    const c = canvas.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx) return;
    if (c.width !== viewport.width) c.width = viewport.width;
    if (c.height !== viewport.height) c.height = viewport.height;
    ctx.clearRect(0, 0, c.width, c.height);
    if (!arrows) return;
    ctx.save();
    // Arrow heads are drawn in screen pixels: clip them to the picture as well.
    ctx.beginPath();
    ctx.rect(view.x, view.y, frameSize.width * view.scale, frameSize.height * view.scale);
    ctx.clip();
    ctx.strokeStyle = 'rgba(255,255,255,0.9)';
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    for (const a of arrows.list) {
      const x0 = view.x + a.x * view.scale;
      const y0 = view.y + a.y * view.scale;
      const x1 = x0 + a.dx * view.scale;
      const y1 = y0 + a.dy * view.scale;
      ctx.moveTo(x0, y0);
      ctx.lineTo(x1, y1);
      const ang = Math.atan2(y1 - y0, x1 - x0);
      const h = Math.min(5, Math.hypot(x1 - x0, y1 - y0) * 0.4);
      ctx.moveTo(x1, y1);
      ctx.lineTo(x1 - h * Math.cos(ang - 0.5), y1 - h * Math.sin(ang - 0.5));
      ctx.moveTo(x1, y1);
      ctx.lineTo(x1 - h * Math.cos(ang + 0.5), y1 - h * Math.sin(ang + 0.5));
    }
    ctx.stroke();
    ctx.restore();
  }, [arrows, view, viewport, frameSize.width, frameSize.height]);

  return <canvas ref={canvas} className="layer overlay-layer" data-testid="overlay-flow-arrows" data-frame={arrows?.index ?? -1} data-arrows={arrows?.list.length ?? 0} />;
}
