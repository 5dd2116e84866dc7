/**
 * The viridis colour ramp (perceptually uniform, readable with the common colour-vision
 * deficiencies and in greyscale), from nine of matplotlib's stops with linear interpolation.
 */
const STOPS: readonly (readonly [number, number, number])[] = [
  [68, 1, 84],
  [71, 44, 122],
  [59, 81, 139],
  [44, 113, 142],
  [33, 144, 141],
  [39, 173, 129],
  [92, 200, 99],
  [170, 220, 50],
  [253, 231, 37],
];

/** Colour at t in [0, 1] (clamped). */
export function viridis(t: number): [number, number, number] {
  const x = Math.min(1, Math.max(0, t)) * (STOPS.length - 1);
  const i = Math.min(STOPS.length - 2, Math.floor(x));
  const f = x - i;
  const [a, b] = [STOPS[i]!, STOPS[i + 1]!];
  return [0, 1, 2].map((k) => Math.round(a[k]! + (b[k]! - a[k]!) * f)) as [number, number, number];
}

/** A CSS linear-gradient of the ramp, left (0) to right (1), for legends. */
export function viridisGradient(): string {
  return `linear-gradient(to right, ${STOPS.map((c, i) => `rgb(${c.join(',')}) ${Math.round((100 * i) / (STOPS.length - 1))}%`).join(', ')})`;
}
