import type { ExportFormatName } from '../../../electron/shared/contract.ts';

/** Default names already handed out this session (two exports in one second must not collide). */
const issued = new Set<string>();

/** A fresh output folder inside the project: exports/<track>-<format>-<time>[-n]. */
export function defaultExportOut(dir: string, trackId: string, format: ExportFormatName, now = new Date()): string {
  const t = now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
  const sep = dir.includes('\\') && !dir.includes('/') ? '\\' : '/';
  const base = `${dir}${sep}exports${sep}${trackId}-${format}-${t}`;
  let out = base;
  for (let n = 2; issued.has(out); n++) out = `${base}-${n}`;
  issued.add(out);
  return out;
}

/** The output path with ".zip" added (zip) or removed. */
export function withZip(out: string, zip: boolean): string {
  if (!zip) return out.replace(/\.zip$/i, '');
  return /\.zip$/i.test(out) ? out : `${out}.zip`;
}
