/**
 * model.json: the manifest of a model bundle (see native-models/README.md for the format).
 * parseManifest() validates every field and throws a one-line VssError naming the field.
 */
import { VssError } from '../../core/errors.ts';
import { jsonErrorLocation } from './json-error.ts';

export type Layout = 'NCHW' | 'NHWC';
export type StageName = 'low' | 'high' | 'head';
export type StageSource = 'image' | 'low' | 'high';

export interface ClassInfo {
  id: number;
  name: string;
  color: [number, number, number];
}

export interface InputSpec {
  name?: string;
  layout: Layout;
  colorOrder: 'RGB' | 'BGR';
  scale: number;
  mean: [number, number, number];
  std: [number, number, number];
  width: number;
  height: number;
}

export interface OutputSpec {
  name?: string;
  layout: Layout;
  kind: 'logits' | 'probabilities';
  /** Output grid stride relative to the model input (single graph only; default 1). */
  stride: number;
}

export interface StageSpec {
  graph: string;
  /** ONNX input name -> source tensor. */
  inputs: Record<string, StageSource>;
  /** ONNX output name. */
  output: string;
  stride: number;
  channels: number;
}

export interface ModelManifest {
  name: string;
  classes: ClassInfo[];
  ignoreIndex?: number;
  input: InputSpec;
  output: OutputSpec;
  /** Exactly one of graph / stages is set. */
  graph?: string;
  stages?: Record<StageName, StageSpec>;
}

const FILE = 'model.json';

function fail(msg: string): never {
  throw new VssError('BAD_REQUEST', `${FILE}: ${msg}`);
}

function obj(v: unknown, where: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(`${where} must be an object`);
  return v as Record<string, unknown>;
}

function str(v: unknown, where: string): string {
  if (typeof v !== 'string' || v.length === 0) fail(`${where} must be a non-empty string`);
  return v;
}

function num(v: unknown, where: string, min?: number, exclusiveMin = false): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) fail(`${where} must be a finite number`);
  if (min !== undefined && (exclusiveMin ? v <= min : v < min)) fail(`${where} must be ${exclusiveMin ? '>' : '≥'} ${min}`);
  return v;
}

function int(v: unknown, where: string, min: number): number {
  const n = num(v, where);
  if (!Number.isInteger(n) || n < min) fail(`${where} must be an integer ≥ ${min}`);
  return n;
}

function oneOf<const T extends readonly string[]>(v: unknown, allowed: T, where: string): T[number] {
  if (!(allowed as readonly unknown[]).includes(v)) fail(`${where} must be ${allowed.map((a) => `"${a}"`).join(' or ')}`);
  return v as T[number];
}

function triple(v: unknown, where: string, positive: boolean): [number, number, number] {
  if (!Array.isArray(v) || v.length !== 3) fail(`${where} must be an array of 3 numbers`);
  return [0, 1, 2].map((i) => num(v[i], `${where}[${i}]`, positive ? 0 : undefined, positive)) as [number, number, number];
}

function optName(v: unknown, where: string): string | undefined {
  return v === undefined ? undefined : str(v, where);
}

function parseClasses(v: unknown): ClassInfo[] {
  if (!Array.isArray(v) || v.length === 0) fail('classes must be a non-empty array');
  if (v.length > 255) fail('classes has too many entries (max 255)');
  const classes = v.map((c, i): ClassInfo => {
    const o = obj(c, `classes[${i}]`);
    const id = int(o.id, `classes[${i}].id`, 0);
    if (id !== i) fail(`classes[${i}].id must be ${i} (ids are the output channel indices, in order)`);
    const color = triple(o.color, `classes[${i}].color`, false);
    color.forEach((x, k) => {
      if (!Number.isInteger(x) || x < 0 || x > 255) fail(`classes[${i}].color[${k}] must be an integer 0..255`);
    });
    return { id, name: str(o.name, `classes[${i}].name`), color };
  });
  return classes;
}

function parseInput(v: unknown): InputSpec {
  const o = obj(v, 'input');
  return {
    name: optName(o.name, 'input.name'),
    layout: oneOf(o.layout, ['NCHW', 'NHWC'] as const, 'input.layout'),
    colorOrder: oneOf(o.colorOrder, ['RGB', 'BGR'] as const, 'input.colorOrder'),
    scale: num(o.scale, 'input.scale'),
    mean: triple(o.mean, 'input.mean', false),
    std: triple(o.std, 'input.std', true),
    width: int(o.width, 'input.width', 1),
    height: int(o.height, 'input.height', 1),
  };
}

function parseOutput(v: unknown, split: boolean): OutputSpec {
  const o = obj(v, 'output');
  if (split && o.name !== undefined) fail('output.name is not used by a split bundle (use stages.head.output)');
  if (split && o.stride !== undefined) fail('output.stride is not used by a split bundle (use stages.head.stride)');
  return {
    name: optName(o.name, 'output.name'),
    layout: oneOf(o.layout, ['NCHW', 'NHWC'] as const, 'output.layout'),
    kind: oneOf(o.kind, ['logits', 'probabilities'] as const, 'output.kind'),
    stride: o.stride === undefined ? 1 : int(o.stride, 'output.stride', 1),
  };
}

const STAGES: readonly StageName[] = ['low', 'high', 'head'];
const SOURCES = ['image', 'low', 'high'] as const;

function parseStage(v: unknown, name: StageName): StageSpec {
  const w = `stages.${name}`;
  const o = obj(v, w);
  const inputsObj = obj(o.inputs, `${w}.inputs`);
  const inputs: Record<string, StageSource> = {};
  for (const [k, src] of Object.entries(inputsObj)) inputs[k] = oneOf(src, SOURCES, `${w}.inputs.${k}`);
  if (Object.keys(inputs).length === 0) fail(`${w}.inputs must name at least one input`);
  return {
    graph: str(o.graph, `${w}.graph`),
    inputs,
    output: str(o.output, `${w}.output`),
    stride: int(o.stride, `${w}.stride`, 1),
    channels: int(o.channels, `${w}.channels`, 1),
  };
}

/** Which sources each stage may read (the data flow is image -> low -> high -> head). */
const ALLOWED: Record<StageName, readonly StageSource[]> = {
  low: ['image'],
  high: ['low', 'image'],
  head: ['high', 'low'],
};

function parseStages(v: unknown): Record<StageName, StageSpec> {
  const o = obj(v, 'stages');
  for (const k of Object.keys(o)) if (!STAGES.includes(k as StageName)) fail(`stages.${k} is not a stage (use low, high, head)`);
  const out = {} as Record<StageName, StageSpec>;
  for (const s of STAGES) {
    if (o[s] === undefined) fail(`stages.${s} is missing`);
    out[s] = parseStage(o[s], s);
    for (const [k, src] of Object.entries(out[s].inputs)) {
      if (!ALLOWED[s].includes(src)) fail(`stages.${s}.inputs.${k} cannot read "${src}" (allowed: ${ALLOWED[s].join(', ')})`);
    }
  }
  if (!Object.values(out.head.inputs).includes('high')) fail('stages.head.inputs must read "high"');
  if (out.high.stride < out.low.stride) fail('stages.high.stride must be ≥ stages.low.stride');
  return out;
}

function jsonErrorWhere(text: string, e: unknown): string {
  const msg = ((e instanceof Error ? e.message : String(e)).split('\n')[0] ?? 'syntax error').slice(0, 120);
  const at = jsonErrorLocation(text);
  return at ? `${msg}; at line ${at.line} column ${at.column}` : msg;
}

/** Parses model.json text. Throws VssError naming the first bad field. */
export function parseManifest(text: string): ModelManifest {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    fail(`invalid JSON (${jsonErrorWhere(text, e)})`);
  }
  const o = obj(raw, 'top level');
  const hasGraph = o.graph !== undefined;
  const hasStages = o.stages !== undefined;
  if (hasGraph === hasStages) fail('exactly one of "graph" (single graph) or "stages" (split bundle) must be given');
  const classes = parseClasses(o.classes);
  const m: ModelManifest = {
    name: str(o.name, 'name'),
    classes,
    input: parseInput(o.input),
    output: parseOutput(o.output, hasStages),
  };
  if (o.ignoreIndex !== undefined) m.ignoreIndex = int(o.ignoreIndex, 'ignoreIndex', 0);
  if (m.ignoreIndex !== undefined && m.ignoreIndex > 255) fail('ignoreIndex must be ≤ 255');
  if (hasGraph) m.graph = str(o.graph, 'graph');
  else {
    m.stages = parseStages(o.stages);
    if (m.stages.head.channels !== classes.length) {
      fail(`stages.head.channels (${m.stages.head.channels}) must equal the number of classes (${classes.length})`);
    }
  }
  return m;
}
