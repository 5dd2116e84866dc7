/** Arrow grid geometry of a flow field (pure): one arrow per `step` flow cells, in frame pixels. */
export interface Arrow {
  x: number;
  y: number;
  dx: number;
  dy: number;
}

export function flowArrows(flow: Float32Array, fw: number, fh: number, scale: number, step = 16, minLength = 0.5): Arrow[] {
  const out: Arrow[] = [];
  const s = Math.max(1, Math.round(step));
  for (let y = Math.floor(s / 2); y < fh; y += s) {
    for (let x = Math.floor(s / 2); x < fw; x += s) {
      const f = 2 * (y * fw + x);
      const dx = flow[f]! * scale;
      const dy = flow[f + 1]! * scale;
      if (!Number.isFinite(dx) || !Number.isFinite(dy) || Math.hypot(dx, dy) < minLength) continue;
      out.push({ x: (x + 0.5) * scale, y: (y + 0.5) * scale, dx, dy });
    }
  }
  return out;
}
