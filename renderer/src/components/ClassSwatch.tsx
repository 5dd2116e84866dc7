/**
 * A class colour chip, large enough to read, with a light outline so that dark classes (Car,
 * Pedestrian) stay visible on the dark panels. Used by the class list, the edit bar and the stats.
 */
export function ClassSwatch({ color }: { color: readonly [number, number, number] | readonly number[] }) {
  return <span className="class-swatch" aria-hidden="true" style={{ background: `rgb(${color.join(',')})` }} />;
}
