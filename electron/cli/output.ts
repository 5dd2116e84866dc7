/** Human-readable output helpers: aligned "label  value" lines for a terminal. */

export type Field = readonly [label: string, value: string | number | boolean | null | undefined];

/** Aligned two-column lines; fields with an undefined value are left out. */
export function fields(rows: readonly Field[]): string {
  const shown = rows.filter(([, v]) => v !== undefined);
  const width = Math.max(0, ...shown.map(([l]) => l.length));
  return shown.map(([l, v]) => `${`${l}:`.padEnd(width + 2)}${v === null ? '–' : String(v)}`).join('\n');
}

/** 83.4 → "83.4", 0.1234 → "0.123": at most 3 significant decimals, no trailing zeros. */
export function num(n: number, digits = 3): string {
  return Number.isFinite(n) ? String(Number(n.toFixed(digits))) : String(n);
}

/** Seconds as m:ss or h:mm:ss. */
export function duration(sec: number): string {
  if (!Number.isFinite(sec) || sec < 0) return '?';
  const s = Math.round(sec);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}
