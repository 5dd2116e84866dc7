/**
 * Creates onnxruntime-node sessions: the requested execution provider first, falling back to the
 * CPU with a visible note when it is unavailable on this machine.
 */
import { availableParallelism } from 'node:os';
import * as ort from 'onnxruntime-node';
import type { ExecutionProvider } from '../../core/engine-settings.ts';
import { VssError } from '../../core/errors.ts';

// ORT's process-wide logger writes straight to stderr (e.g. a missing CUDA library while we
// probe a provider); every failure we care about surfaces as an exception with its message.
ort.env.logLevel = 'fatal';

export type { ExecutionProvider };

export interface SessionOptions {
  /** Requested provider (default 'cpu'). */
  executionProvider?: ExecutionProvider;
  /** ORT intra-op threads per session (default: all cores, at most 4; 2 on a 2-core machine). */
  threads?: number;
  /**
   * Split bundles: also open the high stage in its own worker thread (stage-thread.ts), offered as
   * bundle.highAlongside, so that it can run while the main thread goes on (low-latency adaptive).
   */
  highThread?: boolean;
  /**
   * How much to raise the high-stage thread's nice value (Linux; default HIGH_THREAD_NICE): on
   * oversubscribed cores the frames being answered win over the background key-frame work.
   */
  highThreadNice?: number;
}

/**
 * Default nice increment of the high-stage thread. CFS shares a core between runnable threads in
 * proportion to their weights: nice 5 weighs 335 against 1024 for nice 0, so when the high stage
 * has to share a core with the main thread it gets about a quarter of it instead of half. Larger
 * values starve it on a loaded machine: measured on the shared 2-core machine with nice 10 and 19,
 * new key frames then arrived many frames late or not at all (modes/README.md, Measured).
 */
export const HIGH_THREAD_NICE = 5;

export interface CreatedSession {
  session: ort.InferenceSession;
  /** The provider actually used. */
  executionProvider: ExecutionProvider;
  /** Set when the requested provider was not available and the CPU is used instead. */
  note?: string;
}

export function defaultThreads(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

export function baseOptions(threads: number): ort.InferenceSession.SessionOptions {
  return {
    intraOpNumThreads: threads,
    interOpNumThreads: 1,
    executionMode: 'sequential',
    graphOptimizationLevel: 'all',
    // 3 = error: ORT's own warnings would otherwise go straight to stderr.
    logSeverityLevel: 3,
    // No spin-waiting: with several sessions (low/high/head) taking turns on few cores, idle
    // sessions' spinning workers steal CPU from the active one (about 2x slower key frames on 2 cores).
    extra: { session: { intra_op: { allow_spinning: '0' } } },
  };
}

function firstLine(e: unknown): string {
  return ((e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '').trim();
}

/**
 * Loads one ONNX file. `label` names it in errors (e.g. 'graph "model.onnx"').
 * Throws VssError('CORRUPT', 'model.json: graph "x.onnx" is not a valid ONNX model') when ORT cannot load it.
 */
export async function createSession(path: string, label: string, opts: SessionOptions = {}): Promise<CreatedSession> {
  const threads = opts.threads ?? defaultThreads();
  const want = opts.executionProvider ?? 'cpu';
  let note: string | undefined;
  if (want !== 'cpu') {
    try {
      // logSeverityLevel 4 (fatal only): a missing provider library is expected here, not an error.
      const session = await ort.InferenceSession.create(path, {
        ...baseOptions(threads),
        logSeverityLevel: 4,
        executionProviders: [want],
      });
      return { session, executionProvider: want };
    } catch (e) {
      note = `execution provider "${want}" is not available (${firstLine(e).slice(0, 160)}); using cpu`;
    }
  }
  try {
    const session = await ort.InferenceSession.create(path, { ...baseOptions(threads), executionProviders: ['cpu'] });
    return note === undefined ? { session, executionProvider: 'cpu' } : { session, executionProvider: 'cpu', note };
  } catch {
    throw new VssError('CORRUPT', `model.json: ${label} is not a valid ONNX model`);
  }
}
