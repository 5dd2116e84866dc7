/** Loads and checks a single-graph bundle (model.json "graph"). */
import * as ort from 'onnxruntime-node';
import { VssError } from '../../core/errors.ts';
import type { Tensor3 } from '../../core/types.ts';
import { graphPath, type LoadOptions, type ModelBundle } from './bundle.ts';
import { checkChannels, checkDeclared, checkStride, declaredShape, expectedImageShape, outputGeometry, pickName, probeRun } from './check.ts';
import type { ModelManifest } from './manifest.ts';
import { inputShape, preprocess } from './preprocess.ts';
import { toProbabilities } from './probabilities.ts';
import { createSession } from './session.ts';

function notSplit(): never {
  throw new Error('this bundle is a single graph: low/high/head need a split bundle');
}

export async function loadSingle(dir: string, manifest: ModelManifest, opts: LoadOptions): Promise<ModelBundle> {
  const file = manifest.graph!;
  const label = `graph "${file}"`;
  const created = await createSession(await graphPath(dir, file, 'graph'), label, opts);
  const s = created.session;
  try {
    const { input, output, classes } = manifest;
    const inName = pickName('input.name', input.name, s.inputNames, label);
    const outName = pickName('output.name', output.name, s.outputNames, label);
    if (s.inputNames.length > 1) {
      throw new VssError('BAD_REQUEST', `model.json: ${label} has ${s.inputNames.length} inputs (${s.inputNames.join(', ')}); a single-graph bundle feeds only the image`);
    }
    checkDeclared(`input.layout "${input.layout}" with input.width/height`, declaredShape(s.inputMetadata, inName), expectedImageShape(input.layout, input.width, input.height), input.layout);
    const shape = inputShape(input);
    const run = async (x: Float32Array): Promise<Tensor3> => {
      const res = await s.run({ [inName]: new ort.Tensor('float32', x, shape) }, [outName]);
      const t = res[outName]!;
      return toProbabilities(t.data as Float32Array, t.dims, output.layout, output.kind);
    };
    // One dummy inference: the real output shape must fit layout, stride and the class count.
    const probe = await probeRun(label, () => s.run({ [inName]: new ort.Tensor('float32', new Float32Array(3 * input.width * input.height), shape) }, [outName]));
    const dims = probe[outName]!.dims;
    if (probe[outName]!.type !== 'float32') throw new VssError('BAD_REQUEST', `model.json: output "${outName}" is ${probe[outName]!.type}, expected float32`);
    const g = outputGeometry(`output.layout "${output.layout}"`, dims, output.layout);
    checkChannels(`output.layout "${output.layout}"`, g.channels, classes.length, 'the number of classes');
    checkStride('output.stride', g, input.width, input.height, output.stride);
    return {
      dir,
      manifest,
      split: false,
      executionProvider: created.executionProvider,
      notes: created.note ? [created.note] : [],
      grid: { width: g.width, height: g.height },
      preprocess: (f, out) => preprocess(f, input, out),
      full: run,
      low: notSplit,
      high: notSplit,
      head: notSplit,
      release: () => s.release(),
    };
  } catch (e) {
    await s.release();
    throw e;
  }
}
