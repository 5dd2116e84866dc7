/**
 * Command-line parsing for `vss`: every command declares its options as data (OptionSpec), the
 * parser is Node's util.parseArgs in strict mode, and every mistake is a UsageError (exit 2) with
 * a one-line message: unknown flags get "did you mean --x?", values are checked against the
 * declared type, range and choices. The same declarations drive `vss <command> --help`.
 */
import { parseArgs as nodeParseArgs, type ParseArgsConfig } from 'node:util';
import { closest } from './suggest.ts';

/** A mistake in the command line (exit code 2), as opposed to a failure while running (exit 1). */
export class UsageError extends Error {
  override name = 'UsageError';
}

export type OptionKind = 'string' | 'int' | 'number' | 'switch';
export type OptionValue = string | number | boolean;

export interface OptionSpec {
  /** Long name without the dashes: "key-interval". */
  name: string;
  kind: OptionKind;
  /** One-letter alias without the dash. */
  short?: string;
  /** Placeholder for the value in help: "N", "dir". Defaults to the choices or "value". */
  value?: string;
  /** Used when the flag is absent (and shown in help). */
  default?: OptionValue;
  /** Shown in help as the default when the default depends on other flags (nothing is filled in). */
  defaultText?: string;
  choices?: readonly string[];
  /** Inclusive range for int and number options. */
  min?: number;
  max?: number;
  /** The range excludes `min` itself: (min, max]. */
  minExclusive?: boolean;
  required?: boolean;
  help: string;
}

export interface PositionalSpec {
  /** Shown in usage as <name>. */
  name: string;
  optional?: boolean;
}

/** Options every command understands. */
export const COMMON_OPTIONS: readonly OptionSpec[] = [
  { name: 'json', kind: 'switch', help: 'print the result as one JSON line (the default when stdout is not a terminal)' },
  { name: 'help', kind: 'switch', short: 'h', help: 'show this help and exit' },
];

export class ParsedArgs {
  constructor(
    readonly positionals: readonly string[],
    private readonly given: ReadonlyMap<string, OptionValue>,
    private readonly specs: readonly OptionSpec[],
  ) {}

  /** Whether the flag was given on the command line. */
  has(name: string): boolean {
    return this.given.has(name);
  }

  /** The value given on the command line only (no default): undefined when absent. */
  explicit(name: string): OptionValue | undefined {
    return this.given.get(name);
  }

  private value(name: string): OptionValue | undefined {
    return this.given.get(name) ?? this.spec(name).default;
  }

  private spec(name: string): OptionSpec {
    const s = this.specs.find((o) => o.name === name);
    if (!s) throw new Error(`option --${name} is not declared`);
    return s;
  }

  string(name: string): string | undefined {
    const v = this.value(name);
    return typeof v === 'string' ? v : undefined;
  }

  /** A required string option (declared `required: true`, so the parser already checked it). */
  need(name: string): string {
    const v = this.string(name);
    if (v === undefined) throw new UsageError(`missing --${name}`);
    return v;
  }

  number(name: string): number | undefined {
    const v = this.value(name);
    return typeof v === 'number' ? v : undefined;
  }

  flag(name: string): boolean {
    return this.value(name) === true;
  }
}

function describeRange(spec: OptionSpec): string {
  const lo = spec.min === undefined ? '' : `${spec.min}`;
  const hi = spec.max === undefined ? '' : `${spec.max}`;
  if (spec.minExclusive) return `in (${lo}, ${hi}]`;
  if (spec.min !== undefined && spec.max !== undefined) return `${lo}..${hi}`;
  return spec.min !== undefined ? `>= ${lo}` : `<= ${hi}`;
}

/** Checks and converts one option value; throws a UsageError naming the flag. */
export function convertValue(spec: OptionSpec, raw: string): OptionValue {
  const flag = `--${spec.name}`;
  if (spec.choices && !spec.choices.includes(raw)) throw new UsageError(`${flag} must be one of ${spec.choices.join(', ')}, got "${raw}"`);
  if (spec.kind !== 'int' && spec.kind !== 'number') return raw;
  const n = Number(raw);
  const ok = raw.trim() !== '' && Number.isFinite(n) && (spec.kind === 'number' || /^-?\d+$/.test(raw.trim()));
  const what = spec.kind === 'int' ? 'an integer' : 'a number';
  const range = spec.min === undefined && spec.max === undefined ? '' : ` ${describeRange(spec)}`;
  if (!ok) throw new UsageError(`${flag} must be ${what}${range}, got "${raw}"`);
  const low = spec.min !== undefined && (spec.minExclusive ? n <= spec.min : n < spec.min);
  if (low || (spec.max !== undefined && n > spec.max)) throw new UsageError(`${flag} must be ${what}${range}, got ${raw}`);
  return n;
}

function nodeConfig(specs: readonly OptionSpec[]): NonNullable<ParseArgsConfig['options']> {
  const options: NonNullable<ParseArgsConfig['options']> = {};
  for (const s of specs) options[s.name] = { type: s.kind === 'switch' ? 'boolean' : 'string', ...(s.short ? { short: s.short } : {}) };
  return options;
}

/** Finds the first mistake util.parseArgs would reject and words it for a person. */
function diagnose(argv: readonly string[], specs: readonly OptionSpec[]): UsageError | undefined {
  const { tokens } = nodeParseArgs({ args: [...argv], options: nodeConfig(specs), strict: false, allowPositionals: true, tokens: true });
  for (const t of tokens) {
    if (t.kind !== 'option') continue;
    const spec = specs.find((s) => s.name === t.name);
    if (!spec) {
      const guess = closest(t.name, specs.map((s) => s.name));
      return new UsageError(`unknown option ${t.rawName}${guess ? ` (did you mean --${guess}?)` : ''}`);
    }
    if (spec.kind === 'switch' && t.value !== undefined) return new UsageError(`--${spec.name} takes no value`);
    if (spec.kind !== 'switch' && t.value === undefined) return new UsageError(`--${spec.name} needs a value`);
    if (spec.kind !== 'switch' && !t.inlineValue && t.value!.length > 1 && t.value!.startsWith('-')) {
      return new UsageError(`--${spec.name} needs a value (got ${t.value}; write --${spec.name}=${t.value} if that is the value)`);
    }
  }
  return undefined;
}

/**
 * Parses `argv` against the declared options and positionals. Throws a UsageError for an unknown
 * flag, a missing or malformed value, a missing required flag, or a wrong number of positionals.
 * `--help` short-circuits the checks of values and positionals.
 */
export function parseCommandArgs(argv: readonly string[], specs: readonly OptionSpec[], positionals: readonly PositionalSpec[] = []): ParsedArgs {
  const problem = diagnose(argv, specs);
  if (problem) throw problem;
  let parsed: ReturnType<typeof nodeParseArgs>;
  try {
    parsed = nodeParseArgs({ args: [...argv], options: nodeConfig(specs), strict: true, allowPositionals: true });
  } catch (e) {
    throw new UsageError((e instanceof Error ? e.message : String(e)).split('. ')[0]!);
  }
  const helping = parsed.values.help === true;
  const given = new Map<string, OptionValue>();
  for (const [name, raw] of Object.entries(parsed.values)) {
    const spec = specs.find((s) => s.name === name)!;
    if (typeof raw === 'boolean') given.set(name, raw);
    else if (typeof raw === 'string') given.set(name, helping ? raw : convertValue(spec, raw));
  }
  const args = new ParsedArgs(parsed.positionals, given, specs);
  if (helping) return args;
  for (const s of specs) if (s.required && !given.has(s.name)) throw new UsageError(`missing --${s.name}`);
  const max = positionals.length;
  const min = positionals.filter((p) => !p.optional).length;
  if (parsed.positionals.length < min) throw new UsageError(`missing <${positionals[parsed.positionals.length]!.name}>`);
  if (parsed.positionals.length > max) throw new UsageError(`unexpected argument "${parsed.positionals[max]}"`);
  return args;
}
