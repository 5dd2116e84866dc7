/** Minimal argv parsing for the `vss` CLI: positionals plus --flag value / --flag=value / --switch. */
import { ValidationError } from '../shared/validate.ts';

export interface ParsedArgs {
  positionals: string[];
  flags: Map<string, string | true>;
}

export function parseArgs(argv: string[], switches: readonly string[] = []): ParsedArgs {
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      if (eq >= 0) flags.set(name, a.slice(eq + 1));
      else if (switches.includes(name)) flags.set(name, true);
      else {
        const next = argv[i + 1];
        if (next === undefined || next.startsWith('--')) throw new ValidationError(`--${name} needs a value`);
        flags.set(name, next);
        i++;
      }
    } else positionals.push(a);
  }
  return { positionals, flags };
}

export function flagString(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags.get(name);
  if (v === true) throw new ValidationError(`--${name} needs a value`);
  return v;
}

export function requireFlag(args: ParsedArgs, name: string): string {
  const v = flagString(args, name);
  if (v === undefined) throw new ValidationError(`missing --${name}`);
  return v;
}

/** Parses an integer flag; rejects "1.5", "abc", "" with a message naming the flag. */
export function flagInt(args: ParsedArgs, name: string, fallback?: number): number | undefined {
  const v = flagString(args, name);
  if (v === undefined) return fallback;
  if (!/^-?\d+$/.test(v.trim())) throw new ValidationError(`--${name} must be an integer, got "${v}"`);
  return Number.parseInt(v, 10);
}

export function flagNumber(args: ParsedArgs, name: string, fallback?: number): number | undefined {
  const v = flagString(args, name);
  if (v === undefined) return fallback;
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n)) throw new ValidationError(`--${name} must be a number, got "${v}"`);
  return n;
}
