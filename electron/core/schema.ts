/**
 * Schemas: validators that carry their type, so a type written as a schema cannot drift from its
 * check (Infer<typeof schema> is the type). Built on core/validate.ts; each parse throws a
 * ValidationError naming the field in one line. Objects keep only their declared keys, and an
 * optional key that is absent (or null) stays absent rather than present-but-undefined.
 */
import { ValidationError } from './errors.ts';
import {
  expectArray,
  expectBoolean,
  expectId,
  expectInt,
  expectNumber,
  expectObject,
  expectOneOf,
  expectString,
  type NumberRange,
} from './validate.ts';

export interface Schema<T> {
  parse(value: unknown, where: string): T;
}

/** An object member that may be absent. */
export interface OptionalSchema<T> {
  readonly optional: true;
  parse(value: unknown, where: string): T | undefined;
}

export type Infer<S> = S extends Schema<infer T> ? T : S extends OptionalSchema<infer T> ? T : never;

type Shape = Record<string, Schema<unknown> | OptionalSchema<unknown>>;
type Flatten<T> = { [K in keyof T]: T[K] } & {};
type RequiredKeys<S extends Shape> = { [K in keyof S]: S[K] extends OptionalSchema<unknown> ? never : K }[keyof S];
type OptionalKeys<S extends Shape> = Exclude<keyof S, RequiredKeys<S>>;
export type ObjectOf<S extends Shape> = Flatten<{ [K in RequiredKeys<S>]: Infer<S[K]> } & { [K in OptionalKeys<S>]?: Infer<S[K]> }>;

const schema = <T>(parse: (v: unknown, where: string) => T): Schema<T> => ({ parse });

export const s = {
  string: (opts: { minLength?: number; maxLength?: number } = {}): Schema<string> => schema((v, w) => expectString(v, w, opts)),
  /** A file or folder path (non-empty, at most 4096 characters). */
  path: (): Schema<string> => schema((v, w) => expectString(v, w, { maxLength: 4096 })),
  /** Ids of projects, tracks, runs and jobs: short, safe in URLs and file names. */
  id: (): Schema<string> => schema(expectId),
  number: (range: NumberRange = {}): Schema<number> => schema((v, w) => expectNumber(v, w, range)),
  int: (range: NumberRange = {}): Schema<number> => schema((v, w) => expectInt(v, w, range)),
  boolean: (): Schema<boolean> => schema(expectBoolean),
  literal: <const T extends string | number | boolean>(value: T): Schema<T> =>
    schema((v, w) => {
      if (v !== value) throw new ValidationError(`${w} must be ${JSON.stringify(value)}`);
      return value;
    }),
  oneOf: <const T extends readonly (string | number)[]>(values: T): Schema<T[number]> => schema((v, w) => expectOneOf(v, values, w)),
  array: <T>(item: Schema<T>, opts: { maxLength?: number } = {}): Schema<T[]> => schema((v, w) => expectArray(v, w, item.parse, opts)),
  /** A map from string keys to values (keys are not checked beyond being own properties). */
  record: <T>(value: Schema<T>, opts: { maxKeys?: number } = {}): Schema<Record<string, T>> =>
    schema((v, w) => {
      const o = expectObject(v, w);
      const keys = Object.keys(o);
      if (opts.maxKeys !== undefined && keys.length > opts.maxKeys) throw new ValidationError(`${w} has too many keys (max ${opts.maxKeys})`);
      return Object.fromEntries(keys.map((k) => [k, value.parse(o[k], `${w}.${k}`)]));
    }),
  nullable: <T>(inner: Schema<T>): Schema<T | null> => schema((v, w) => (v === null || v === undefined ? null : inner.parse(v, w))),
  optional: <T>(inner: Schema<T>): OptionalSchema<T> => ({ optional: true, parse: (v, w) => (v === null || v === undefined ? undefined : inner.parse(v, w)) }),
  object: <S extends Shape>(shape: S): Schema<ObjectOf<S>> =>
    schema((v, w) => {
      const o = expectObject(v, w);
      const out: Record<string, unknown> = {};
      for (const [k, member] of Object.entries(shape)) {
        const parsed = member.parse(o[k], `${w}.${k}`);
        if (parsed !== undefined) out[k] = parsed;
      }
      return out as ObjectOf<S>;
    }),
  /** No arguments: an empty object (undefined and null are accepted as empty). */
  empty: (): Schema<Record<string, never>> =>
    schema((v, w) => {
      expectObject(v ?? {}, w);
      return {};
    }),
  /** Raw bytes (a Uint8Array, as structured clone and the WebSocket codec deliver them). */
  bytes: (opts: { maxLength?: number } = {}): Schema<Uint8Array> => schema((v, w) => typedArray(v, w, Uint8Array, opts.maxLength)),
  /** 32-bit unsigned words. */
  u32: (opts: { maxLength?: number } = {}): Schema<Uint32Array> => schema((v, w) => typedArray(v, w, Uint32Array, opts.maxLength)),
  /** An RGB colour: three whole numbers 0–255. */
  rgb: (): Schema<[number, number, number]> =>
    schema((v, w) => {
      const c = expectArray(v, w, (x, xw) => expectInt(x, xw, { min: 0, max: 255 }), { maxLength: 3 });
      if (c.length !== 3) throw new ValidationError(`${w} must be [r, g, b]`);
      return [c[0]!, c[1]!, c[2]!];
    }),
  /** A schema with a check of the parsed value on top (`check` throws a ValidationError or returns the value). */
  refine: <T>(inner: Schema<T>, check: (value: T, where: string) => T): Schema<T> => schema((v, w) => check(inner.parse(v, w), w)),
};

function typedArray<A extends Uint8Array | Uint32Array>(v: unknown, w: string, kind: { new (n: number): A; name: string }, maxLength?: number): A {
  if (!(v instanceof kind)) throw new ValidationError(`${w} must be a ${kind.name}`);
  if (maxLength !== undefined && v.length > maxLength) throw new ValidationError(`${w} is too long (max ${maxLength} items)`);
  return v;
}
