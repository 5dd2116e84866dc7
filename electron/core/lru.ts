/**
 * The one LRU cache of the code base (backend and renderer): a Map in use order, bounded by
 * entry count; `onEvict` sees every entry that leaves (ImageBitmaps are closed there). load()
 * shares a pending promise between callers and forgets it when it rejects, so a failure is asked
 * again next time.
 */
export class Lru<K, V> {
  private readonly m = new Map<K, V>();

  constructor(
    readonly capacity: number,
    private readonly onEvict?: (value: V, key: K) => void,
  ) {}

  get size(): number {
    return this.m.size;
  }

  /** The value, marked as just used. */
  get(key: K): V | undefined {
    const v = this.m.get(key);
    if (v !== undefined) {
      this.m.delete(key);
      this.m.set(key, v);
    }
    return v;
  }

  /** The value without touching the use order. */
  peek(key: K): V | undefined {
    return this.m.get(key);
  }

  has(key: K): boolean {
    return this.m.has(key);
  }

  set(key: K, value: V): void {
    const old = this.m.get(key);
    this.m.delete(key);
    if (old !== undefined && old !== value) this.onEvict?.(old, key);
    this.m.set(key, value);
    while (this.m.size > this.capacity) {
      const [k, v] = this.m.entries().next().value as [K, V];
      this.m.delete(k);
      this.onEvict?.(v, k);
    }
  }

  delete(key: K): boolean {
    const v = this.m.get(key);
    if (v === undefined) return false;
    this.m.delete(key);
    this.onEvict?.(v, key);
    return true;
  }

  /** Drops every entry whose key passes `f`. */
  dropWhere(f: (key: K) => boolean): void {
    for (const k of [...this.m.keys()]) if (f(k)) this.delete(k);
  }

  clear(): void {
    this.dropWhere(() => true);
  }

  keys(): K[] {
    return [...this.m.keys()];
  }
}

/** An Lru of promises: load() runs once per key while cached; a rejected load is forgotten. */
export class LoadingLru<K, T> extends Lru<K, Promise<T>> {
  load(key: K, loader: () => Promise<T>): Promise<T> {
    const hit = this.get(key);
    if (hit) return hit;
    const p = loader();
    this.set(key, p);
    p.catch(() => {
      if (this.peek(key) === p) this.delete(key);
    });
    return p;
  }
}
