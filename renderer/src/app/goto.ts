/** The go-to-frame field's parsing (pure): a 0-based frame index, or a one-line message. */
export function parseGoto(text: string, frameCount: number): { index: number } | { error: string } {
  const t = text.trim();
  if (!/^\d+$/.test(t)) return { error: `Type a frame number from 0 to ${frameCount - 1}` };
  const n = Number(t);
  if (n >= frameCount) return { error: `Frame ${n} is past the last frame (${frameCount - 1})` };
  return { index: n };
}
