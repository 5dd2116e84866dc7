/** Legends of the active overlays: the flow colour wheel, confidence, diff and flicker (classes: ClassList.tsx). */
import { useEffect, useRef } from 'react';
import { useShallow } from 'zustand/shallow';
import { flowColor } from '../../../electron/core/colorwheel.ts';
import { useApp } from '../store/index.ts';
import { viridisGradient } from './viridis.ts';
import { ClassSwatch } from '../components/ClassSwatch.tsx';

function FlowWheel() {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const c = canvas.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx) return;
    const n = c.width;
    const img = ctx.createImageData(n, n);
    const rgb = [0, 0, 0];
    for (let y = 0; y < n; y++) {
      for (let x = 0; x < n; x++) {
        const u = (2 * x) / (n - 1) - 1;
        const v = (2 * y) / (n - 1) - 1;
        const i = 4 * (y * n + x);
        if (u * u + v * v > 1) continue;
        flowColor(u, v, rgb);
        img.data.set([rgb[0]!, rgb[1]!, rgb[2]!, 255], i);
      }
    }
    ctx.putImageData(img, 0, 0);
  }, []);
  return <canvas ref={canvas} width={64} height={64} className="flow-wheel" data-testid="flow-wheel" title="Direction = hue, speed = saturation" />;
}

export function Legends() {
  const p = useApp(useShallow((s) => (s.project ? { overlays: s.project.view.overlays, compare: s.project.view.compareMode } : null)));
  if (!p) return null;
  const { overlays } = p;
  return (
    <div className="legends">
      {(overlays.flow || overlays.flowArrows) && (
        <div className="legend-row" data-testid="flow-legend">
          <FlowWheel />
          <span className="muted">flow to the next frame: hue = direction, saturation = speed</span>
        </div>
      )}
      {overlays.confidence && (
        <div className="legend-row" data-testid="confidence-legend">
          <span className="muted">low</span>
          <span className="gradient" style={{ background: viridisGradient() }} />
          <span className="muted">high confidence</span>
        </div>
      )}
      {(overlays.diff || p.compare === 'diff') && (
        <div className="legend-row" data-testid="diff-legend">
          <ClassSwatch color={[255, 0, 220]} />
          <span className="muted">main and compare tracks disagree</span>
        </div>
      )}
      {overlays.flicker && (
        <div className="legend-row" data-testid="flicker-legend">
          <ClassSwatch color={[255, 210, 0]} />
          <span className="muted">label flips vs. the flow-warped previous frame</span>
        </div>
      )}
    </div>
  );
}
