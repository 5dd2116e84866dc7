/**
 * Arrow grid geometry of a flow field (pure): one arrow per `step` flow cells, in frame pixels.
 * An arrow that would leave the frame is shortened along its own direction so that its tip stays
 * on the image (the overlay never draws outside the picture).
 */
export interface Arrow {
  x: number;
  y: number;
  dx: number;
  dy: number;
}

/** The largest t in [0, 1] with (x + t·dx, y + t·dy) inside [0, w] × [0, h]. */
function insideFraction(x: number, y: number, dx: number, dy: number, w: number, h: number): number {
  let t = 1;
  if (x + dx > w) t = Math.min(t, (w - x) / dx);
  if (x + dx < 0) t = Math.min(t, -x / dx);
  if (y + dy > h) t = Math.min(t, (h - y) / dy);
  if (y + dy < 0) t = Math.min(t, -y / dy);
  return Math.max(0, t);
}

export function flowArrows(flow: Float32Array, fw: number, fh: number, scale: number, step = 16, minLength = 0.5): Arrow[] {
  const out: Arrow[] = [];
  const s = Math.max(1, Math.round(step));
  const [w, h] = [fw * scale, fh * scale];
  for (let y = Math.floor(s / 2); y < fh; y += s) {
    for (let x = Math.floor(s / 2); x < fw; x += s) {
      const f = 2 * (y * fw + x);
      const dx = flow[f]! * scale;
      const dy = flow[f + 1]! * scale;
      if (!Number.isFinite(dx) || !Number.isFinite(dy) || Math.hypot(dx, dy) < minLength) continue;
      const [ax, ay] = [(x + 0.5) * scale, (y + 0.5) * scale];
      const t = insideFraction(ax, ay, dx, dy, w, h);
      if (Math.hypot(dx * t, dy * t) < minLength) continue;
      out.push({ x: ax, y: ay, dx: dx * t, dy: dy * t });
    }
  }
  return out;
}
