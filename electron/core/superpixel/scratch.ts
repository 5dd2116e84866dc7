/**
 * Working buffers kept from one frame to the next. A fresh typed array of a 1080p frame's size
 * costs about a millisecond per megabyte (zeroing, page faults), and one superpixel run of a 1080p
 * frame needs about 70 MB of them, so the buffers that never leave a call are taken from here
 * instead (they stay allocated, in the superpixel worker). Their content is whatever the last call
 * left: the caller writes every element it reads. Each name has one user at a time (the
 * superpixel pipeline is synchronous).
 */

type Typed = Float32Array | Int32Array | Uint16Array;

const pool = new Map<string, Typed>();

/** The first `length` elements of a typed array named `name`, reused across calls (replaced by a larger one when short). */
export function scratch<T extends Typed>(name: string, length: number, make: new (length: number) => T): T {
  const a = pool.get(name);
  if (a instanceof make && a.length >= length) return a.subarray(0, length) as T;
  const fresh = new make(length);
  pool.set(name, fresh);
  return fresh;
}
