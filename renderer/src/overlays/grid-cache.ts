/**
 * Small LRU caches of fetched grids (labels, confidence, flow), keyed by resource; in-flight
 * requests are shared. invalidateLabels() drops a track's frames after an edit.
 */
import { fetchFlowGrid, fetchLabelGrid, type Grid } from './resources.ts';

class Lru<V> {
  private readonly m = new Map<string, Promise<V>>();
  constructor(private readonly cap: number) {}
  get(key: string, load: () => Promise<V>): Promise<V> {
    const hit = this.m.get(key);
    if (hit) {
      this.m.delete(key);
      this.m.set(key, hit);
      return hit;
    }
    const p = load();
    p.catch(() => this.m.delete(key));
    this.m.set(key, p);
    while (this.m.size > this.cap) this.m.delete(this.m.keys().next().value as string);
    return p;
  }
  dropWhere(f: (key: string) => boolean): void {
    for (const k of [...this.m.keys()]) if (f(k)) this.m.delete(k);
  }
}

const labels = new Lru<Grid<Uint8Array> | null>(96);
const flows = new Lru<Grid<Float32Array> | null>(24);
/** Per track: bumped by invalidateLabels so keys change and layers refetch. */
const revisions = new Map<string, number>();

export function labelsRevision(projectId: string, trackId: string): number {
  return revisions.get(`${projectId}/${trackId}`) ?? 0;
}

export function loadLabels(kind: 'labels' | 'confidence', projectId: string, trackId: string, index: number): Promise<Grid<Uint8Array> | null> {
  const key = `${kind}/${projectId}/${trackId}/${index}`;
  const p = labels.get(key, () => fetchLabelGrid(kind, projectId, trackId, index));
  // Not computed yet (404): ask again next time.
  void p.then((g) => g === null && labels.dropWhere((k) => k === key), () => undefined);
  return p;
}

export function loadFlow(videoId: string, index: number): Promise<Grid<Float32Array> | null> {
  return flows.get(`${videoId}/${index}`, () => fetchFlowGrid(videoId, index));
}

/** Call after labels of a track changed (edits, re-imports): the layers fetch them again. */
export function invalidateLabels(projectId: string, trackId: string, indices?: readonly number[]): void {
  const set = indices ? new Set(indices.map(String)) : null;
  labels.dropWhere((k) => {
    const [, p, t, i] = k.split('/');
    return p === projectId && t === trackId && (!set || set.has(i ?? ''));
  });
  revisions.set(`${projectId}/${trackId}`, labelsRevision(projectId, trackId) + 1);
}
