// Lowers the OS scheduling priority of the calling thread only (plain JavaScript: the ONNX stage
// worker, stage-worker.mjs, imports it without a TypeScript loader; types in thread-priority.d.mts).
//
// Linux: the nice value is a per-thread attribute (setpriority(2), "BUGS"), and os.setPriority(id)
// passes id to setpriority(PRIO_PROCESS, id), so called with the thread's own TID it changes this
// thread alone. The TID is read from /proc/thread-self, a link to /proc/<pid>/task/<tid>. Threads
// created afterwards inherit the value (ORT's intra-op pool, made with the session, included).
// Raising one's own nice value needs no privilege; lowering it back would.
// Elsewhere (macOS, Windows) os.setPriority can only change a whole process (on Windows, the
// process priority class), which would slow the foreground thread too: nothing is done, and the
// result says why.
import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

const MAX_NICE = 19;

/** The real system calls; tests pass their own. */
export const systemCalls = { platform: process.platform, readlink: readlinkSync, getPriority, setPriority };

/**
 * Raises the calling thread's nice value by `delta` (capped at 19). Never throws.
 * @param {number} delta
 * @param {typeof systemCalls} [sys]
 * @returns {{ applied: true, tid: number, from: number, nice: number } | { applied: false, reason: string }}
 */
export function lowerThreadPriority(delta, sys = systemCalls) {
  if (sys.platform !== 'linux') return { applied: false, reason: `per-thread priority is only set on Linux (this is ${sys.platform})` };
  let tid;
  try {
    const m = /\/task\/(\d+)$/.exec(String(sys.readlink('/proc/thread-self')));
    if (!m) return { applied: false, reason: '/proc/thread-self does not name a thread' };
    tid = Number(m[1]);
  } catch (e) {
    return { applied: false, reason: `/proc/thread-self is not readable (${firstLine(e)})` };
  }
  try {
    const from = sys.getPriority(tid);
    const nice = Math.min(MAX_NICE, from + Math.max(0, Math.round(delta)));
    if (nice !== from) sys.setPriority(tid, nice);
    return { applied: true, tid, from, nice: sys.getPriority(tid) };
  } catch (e) {
    return { applied: false, reason: `setpriority failed (${firstLine(e)})` };
  }
}

/** @param {unknown} e */
function firstLine(e) {
  return String(e instanceof Error ? e.message : e).split('\n')[0];
}
