/** File layout of a project folder (see types.ts). Track ids and stems are checked before use. */
import { join } from 'node:path';
import { VssError } from '../../core/errors.ts';

export const PROJECT_FILE = 'project.json';
export const HISTORY_FILE = 'history.json';

function safeName(v: string, what: string): string {
  if (v === '' || v === '.' || v === '..' || /[\\/\0]/.test(v)) throw new VssError('BAD_REQUEST', `invalid ${what} "${v}"`);
  return v;
}

export const projectPaths = (dir: string) => ({
  projectFile: join(dir, PROJECT_FILE),
  historyFile: join(dir, HISTORY_FILE),
  tracksDir: join(dir, 'tracks'),
  trackDir: (trackId: string) => join(dir, 'tracks', safeName(trackId, 'track id')),
  labels: (trackId: string, stem: string) => join(dir, 'tracks', safeName(trackId, 'track id'), 'labels', `${safeName(stem, 'frame name')}.png`),
  confidence: (trackId: string, stem: string) => join(dir, 'tracks', safeName(trackId, 'track id'), 'confidence', `${safeName(stem, 'frame name')}.png`),
  correctionsDir: (trackId: string) => join(dir, 'corrections', safeName(trackId, 'track id')),
  correction: (trackId: string, stem: string) => join(dir, 'corrections', safeName(trackId, 'track id'), `${safeName(stem, 'frame name')}.png`),
});

/** A track id from a display name: lower-case slug, unique among `taken`. */
export function trackIdFor(name: string, taken: ReadonlySet<string>): string {
  const base = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'track';
  let id = base;
  for (let i = 2; taken.has(id) || id === 'corrected'; i++) id = `${base}-${i}`;
  return id;
}
