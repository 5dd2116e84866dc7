/** Legends of the active overlays: classes (click hides one), the flow colour wheel, confidence, diff/flicker. */
import { useEffect, useRef } from 'react';
import { useShallow } from 'zustand/shallow';
import { flowColor } from '../../../electron/core/colorwheel.ts';
import { useApp } from '../store/index.ts';
import { toggleClassHidden } from './overlay-actions.ts';

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
  const p = useApp(useShallow((s) => (s.project ? { overlays: s.project.view.overlays, classes: s.project.classes, hidden: s.project.view.hiddenClasses, compare: s.project.view.compareMode } : null)));
  if (!p) return null;
  const { overlays } = p;
  return (
    <div className="legends">
      {overlays.mask && (
        <ul className="class-legend" data-testid="class-legend">
          {p.classes.map((c) => {
            const off = p.hidden.includes(c.id);
            return (
              <li key={c.id}>
                <button className={off ? 'class-off' : ''} onClick={() => toggleClassHidden(c.id)} title={off ? 'Show this class' : 'Hide this class'} data-testid={`class-${c.id}`}>
                  <span className="swatch" style={{ background: `rgb(${c.color.join(',')})` }} />
                  {c.name}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {(overlays.flow || overlays.flowArrows) && (
        <div className="legend-row" data-testid="flow-legend">
          <FlowWheel />
          <span className="muted">flow to the next frame: hue = direction, saturation = speed</span>
        </div>
      )}
      {overlays.confidence && (
        <div className="legend-row" data-testid="confidence-legend">
          <span className="gradient conf-gradient" />
          <span className="muted">confidence: red low → green high</span>
        </div>
      )}
      {(overlays.diff || p.compare === 'diff') && (
        <div className="legend-row" data-testid="diff-legend">
          <span className="swatch" style={{ background: 'rgb(255,0,220)' }} />
          <span className="muted">main and compare tracks disagree</span>
        </div>
      )}
      {overlays.flicker && (
        <div className="legend-row" data-testid="flicker-legend">
          <span className="swatch" style={{ background: 'rgb(255,210,0)' }} />
          <span className="muted">label flips vs. the flow-warped previous frame</span>
        </div>
      )}
    </div>
  );
}
