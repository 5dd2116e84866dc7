/**
 * The checks under every validator (core/schema.ts builds the contract's schemas from them; the
 * project files use them directly). Each throws a ValidationError whose message names the field,
 * in one line.
 */
import { ValidationError } from './errors.ts';

export type Validator<T> = (value: unknown, where: string) => T;

export function expectObject(v: unknown, where: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    throw new ValidationError(`${where} must be an object`);
  }
  return v as Record<string, unknown>;
}

export function expectString(v: unknown, where: string, opts: { maxLength?: number; minLength?: number } = {}): string {
  if (typeof v !== 'string') throw new ValidationError(`${where} must be a string`);
  const min = opts.minLength ?? 1;
  if (v.length < min) throw new ValidationError(`${where} must not be empty`);
  if (opts.maxLength !== undefined && v.length > opts.maxLength) {
    throw new ValidationError(`${where} is too long (max ${opts.maxLength} characters)`);
  }
  if (v.includes('\0')) throw new ValidationError(`${where} must not contain NUL characters`);
  return v;
}

export interface NumberRange {
  min?: number;
  max?: number;
  /** The range excludes `min` itself: v > min. */
  minExclusive?: boolean;
}

export function expectNumber(v: unknown, where: string, opts: NumberRange = {}): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new ValidationError(`${where} must be a finite number`);
  if (opts.min !== undefined && opts.minExclusive && v <= opts.min) throw new ValidationError(`${where} must be > ${opts.min}, got ${v}`);
  if (opts.min !== undefined && v < opts.min) throw new ValidationError(`${where} must be ≥ ${opts.min}, got ${v}`);
  if (opts.max !== undefined && v > opts.max) throw new ValidationError(`${where} must be ≤ ${opts.max}, got ${v}`);
  return v;
}

export function expectInt(v: unknown, where: string, opts: NumberRange = {}): number {
  const n = expectNumber(v, where, opts);
  if (!Number.isInteger(n)) throw new ValidationError(`${where} must be an integer, got ${n}`);
  return n;
}

export function expectBoolean(v: unknown, where: string): boolean {
  if (typeof v !== 'boolean') throw new ValidationError(`${where} must be true or false`);
  return v;
}

export function expectOneOf<const T extends readonly (string | number)[]>(v: unknown, allowed: T, where: string): T[number] {
  if (!(allowed as readonly unknown[]).includes(v)) {
    throw new ValidationError(`${where} must be one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`);
  }
  return v as T[number];
}

export function expectArray<T>(v: unknown, where: string, item: Validator<T>, opts: { maxLength?: number } = {}): T[] {
  if (!Array.isArray(v)) throw new ValidationError(`${where} must be an array`);
  if (opts.maxLength !== undefined && v.length > opts.maxLength) {
    throw new ValidationError(`${where} has too many items (max ${opts.maxLength})`);
  }
  return v.map((x, i) => item(x, `${where}[${i}]`));
}

/** Ids of projects, tracks, runs and jobs: short, safe in URLs and file names. */
export function expectId(v: unknown, where: string): string {
  const s = expectString(v, where, { maxLength: 64 });
  if (!/^[A-Za-z0-9_-]+$/.test(s)) throw new ValidationError(`${where} must contain only letters, digits, "-" and "_"`);
  return s;
}
