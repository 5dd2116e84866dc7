/**
 * Loads and checks a split bundle (model.json "stages": low, high, head). Stage features travel
 * between stages as NCHW float32 tensors of batch 1 (CHW Tensor3 here), so the engine can warp them.
 */
import * as ort from 'onnxruntime-node';
import { VssError } from '../../core/errors.ts';
import type { Tensor3 } from '../../core/types.ts';
import { graphPath, type LoadOptions, type ModelBundle } from './bundle.ts';
import { checkChannels, checkDeclared, checkStride, declaredShape, expectedImageShape, outputGeometry, pickName, probeRun } from './check.ts';
import type { ModelManifest, StageName, StageSpec } from './manifest.ts';
import { inputShape, preprocess } from './preprocess.ts';
import { toChw, toProbabilities } from './probabilities.ts';
import { baseOptions, createSession, defaultThreads, HIGH_THREAD_NICE, type CreatedSession } from './session.ts';
import { openStageThread, type StageFeed, type StageThread } from './stage-thread.ts';
import type { PriorityResult } from './thread-priority.mjs';

interface Sources {
  image?: Float32Array;
  low?: Tensor3;
  high?: Tensor3;
}

interface Stage {
  spec: StageSpec;
  created: CreatedSession;
  run(src: Sources): Promise<ort.Tensor>;
}

function fail(msg: string): never {
  throw new VssError('BAD_REQUEST', `model.json: ${msg}`);
}

function tensorOf(t: Tensor3): ort.Tensor {
  return new ort.Tensor('float32', t.data, [1, t.channels, t.height, t.width]);
}

async function openStage(dir: string, m: ModelManifest, name: StageName, opts: LoadOptions): Promise<Stage> {
  const spec = m.stages![name];
  const label = `graph "${spec.graph}"`;
  const created = await createSession(await graphPath(dir, spec.graph, `stages.${name}.graph`), label, opts);
  const s = created.session;
  try {
    for (const key of Object.keys(spec.inputs)) pickName(`stages.${name}.inputs.${key}`, key, s.inputNames, label);
    for (const n of s.inputNames) if (!(n in spec.inputs)) fail(`stages.${name}.inputs does not feed input "${n}" of ${label}`);
    pickName(`stages.${name}.output`, spec.output, s.outputNames, label);
    for (const [key, src] of Object.entries(spec.inputs)) {
      if (src === 'image') {
        checkDeclared(`input.layout "${m.input.layout}" with input.width/height (stages.${name}.inputs.${key})`, declaredShape(s.inputMetadata, key), expectedImageShape(m.input.layout, m.input.width, m.input.height), m.input.layout);
      } else {
        const from = m.stages![src];
        checkDeclared(`stages.${src}.channels (fed to stages.${name}.inputs.${key})`, declaredShape(s.inputMetadata, key), [undefined, from.channels, undefined, undefined], 'NCHW');
      }
    }
  } catch (e) {
    await s.release();
    throw e;
  }
  const shape = inputShape(m.input);
  return {
    spec,
    created,
    run: async (src) => {
      const feeds: Record<string, ort.Tensor> = {};
      for (const [key, from] of Object.entries(spec.inputs)) {
        if (from === 'image') feeds[key] = new ort.Tensor('float32', src.image!, shape);
        else feeds[key] = tensorOf(src[from]!);
      }
      const res = await s.run(feeds, [spec.output]);
      return res[spec.output]!;
    },
  };
}

export async function loadSplit(dir: string, m: ModelManifest, opts: LoadOptions): Promise<ModelBundle> {
  const stages: Stage[] = [];
  try {
    for (const n of ['low', 'high', 'head'] as const) stages.push(await openStage(dir, m, n, opts));
    const [lo, hi, hd] = stages as [Stage, Stage, Stage];
    const { input, output } = m;
    const low = async (image: Float32Array): Promise<Tensor3> => {
      const t = await lo.run({ image });
      return toChw(t.data as Float32Array, t.dims, 'NCHW');
    };
    const high = async (image: Float32Array, l: Tensor3): Promise<Tensor3> => {
      const t = await hi.run({ image, low: l });
      return toChw(t.data as Float32Array, t.dims, 'NCHW');
    };
    const head = async (h: Tensor3, l: Tensor3): Promise<Tensor3> => {
      const t = await hd.run({ high: h, low: l });
      return toProbabilities(t.data as Float32Array, t.dims, output.layout, output.kind);
    };
    // One dummy pass through the chain: every stage's real output must fit its declared geometry.
    const zeros = new Float32Array(3 * input.width * input.height);
    const check = (n: StageName, t: ort.Tensor, layout: 'NCHW' | 'NHWC'): { width: number; height: number } => {
      const g = outputGeometry(n === 'head' ? `output.layout "${layout}"` : `stages.${n}.output`, t.dims, layout);
      checkChannels(`stages.${n}.channels`, g.channels, m.stages![n].channels, `stages.${n}.channels`);
      checkStride(`stages.${n}.stride`, g, input.width, input.height, m.stages![n].stride);
      return g;
    };
    const l0 = await probeRun(`graph "${lo.spec.graph}"`, () => lo.run({ image: zeros }));
    check('low', l0, 'NCHW');
    const lt = toChw(l0.data as Float32Array, l0.dims, 'NCHW');
    const h0 = await probeRun(`graph "${hi.spec.graph}"`, () => hi.run({ image: zeros, low: lt }));
    check('high', h0, 'NCHW');
    const ht = toChw(h0.data as Float32Array, h0.dims, 'NCHW');
    const d0 = await probeRun(`graph "${hd.spec.graph}"`, () => hd.run({ low: lt, high: ht }));
    const grid = check('head', d0, output.layout);
    let thread: StageThread | undefined;
    if (opts.highThread && lo.created.executionProvider === 'cpu') {
      thread = await openStageThread(await graphPath(dir, hi.spec.graph, 'stages.high.graph'), baseOptions(opts.threads ?? defaultThreads()), opts.highThreadNice ?? HIGH_THREAD_NICE);
    }
    const shape = inputShape(input);
    const highAlongside = async (image: Float32Array, l: Tensor3): Promise<Tensor3> => {
      const feeds: Record<string, StageFeed> = {};
      for (const [key, from] of Object.entries(hi.spec.inputs)) {
        feeds[key] = from === 'image' ? { data: ownBuffer(image), dims: shape } : { data: ownBuffer(l.data), dims: [1, l.channels, l.height, l.width] };
      }
      return thread!.run(feeds, hi.spec.output);
    };
    const notes = [...new Set(stages.map((s) => s.created.note).filter((n): n is string => n !== undefined))];
    return {
      dir,
      manifest: m,
      split: true,
      executionProvider: lo.created.executionProvider,
      notes,
      grid: { width: grid.width, height: grid.height },
      preprocess: (f, out) => preprocess(f, input, out),
      full: async (image) => {
        const l = await low(image);
        return head(await high(image, l), l);
      },
      low,
      high,
      head,
      ...(thread ? { highAlongside, highThreadPriority: describePriority(thread.priority) } : {}),
      release: async () => {
        await thread?.release();
        for (const s of stages) await s.created.session.release();
      },
    };
  } catch (e) {
    for (const s of stages) await s.created.session.release();
    throw e;
  }
}

/**
 * `a`, or a copy of it when it is a view into a larger buffer (the pipeline's model input lives in
 * WebAssembly memory): posting a view to a thread clones its whole buffer.
 */
function ownBuffer(a: Float32Array): Float32Array {
  return a.byteOffset === 0 && a.byteLength === a.buffer.byteLength ? a : a.slice();
}

/** One line for summaries: what the high-stage thread's priority is. */
function describePriority(p: PriorityResult): string {
  return p.applied ? `nice ${p.nice} (was ${p.from})` : `unchanged: ${p.reason}`;
}
