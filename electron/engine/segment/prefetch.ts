/**
 * Bounded read-ahead over an async frame source: up to `depth` next() calls are kept in flight, so
 * decoding or reading the next frames overlaps with processing the current one (a source that
 * yields already-decoded frames loses nothing). The source's order is kept.
 */
export async function* prefetch<T>(source: AsyncIterable<T>, depth = 2): AsyncGenerator<T> {
  const it = source[Symbol.asyncIterator]();
  const ahead: Promise<IteratorResult<T>>[] = [];
  let ended = false;
  const fill = (): void => {
    while (!ended && ahead.length < depth) {
      const p = it.next();
      ahead.push(p);
      // Stop asking once the source reports its end (and keep later rejections observed).
      p.then((r) => (ended ||= r.done === true), () => (ended = true));
    }
  };
  try {
    fill();
    while (ahead.length > 0) {
      const r = await ahead.shift()!;
      if (r.done) return;
      fill();
      yield r.value;
    }
  } finally {
    await it.return?.();
  }
}
