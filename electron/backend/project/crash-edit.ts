/** Where edit number `seq` of the crash-safety test paints, and with which value (one pixel each). */
export function crashEditTarget(seq: number, frames: number, width: number): { frame: number; x: number; y: number; value: number } {
  const frame = seq % frames;
  const offset = Math.floor(seq / frames) * 7;
  return { frame, x: offset % width, y: Math.floor(offset / width), value: 100 + (seq % 50) };
}
