/** Natural ("human") order of file names: frame2 < frame10, case-insensitive, digits compared by value. */
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

export function naturalCompare(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

export function naturalSort(names: readonly string[]): string[] {
  return [...names].sort(naturalCompare);
}
