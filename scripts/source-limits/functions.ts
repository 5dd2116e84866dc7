/**
 * Finds every function in a token stream (lexer.ts) and how many lines it spans, from the line of
 * its parameter list to the line that closes its body. A function is:
 * - a parameter list `(...)`, optionally a return type `: T`, then a body `{...}` (declarations,
 *   methods, getters, function expressions), unless the list belongs to if/for/while/switch/catch;
 * - an arrow `(...) => {...}`, `(...): T => {...}` or `x => {...}`, whose body may also be a
 *   parenthesised expression `=> (...)` (a component returning JSX).
 * Nested functions count inside their parent too: a factory with closures is one long function.
 */
import type { Token } from './lexer.ts';

export interface FunctionSpan {
  name: string;
  /** 1-based first and last line. */
  start: number;
  end: number;
  lines: number;
}

const CONTROL = new Set(['if', 'for', 'while', 'switch', 'catch', 'with']);
const OPEN: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
const NOT_NAMES = new Set(['async', 'function', 'export', 'const', 'let', 'var', 'default', 'get', 'set', 'static']);
/** Tokens after which a `{` inside a return type starts an object type, not the body. */
const TYPE_CONTINUES = new Set([':', '|', '&', ',', '<', '=>', 'keyof', 'typeof', 'extends', '?']);

/** Index of the matching closer of every bracket opener, and -1 for the rest. */
export function matchBrackets(tokens: Token[]): number[] {
  const match = new Array<number>(tokens.length).fill(-1);
  const stack: number[] = [];
  tokens.forEach((t, i) => {
    if (t.kind !== 'punct') return;
    if (OPEN[t.text]) stack.push(i);
    else if (t.text === ')' || t.text === ']' || t.text === '}') {
      const open = stack.pop();
      if (open !== undefined) match[open] = i;
    }
  });
  return match;
}

/**
 * From the token after a parameter list's `)`, skips a return type (if any) and returns the index
 * of the body's `{`, the arrow's `=>`, or -1 when this is no function.
 */
function bodyAfterParams(tokens: Token[], match: number[], at: number): number {
  const first = tokens[at];
  if (!first || first.kind !== 'punct') return -1;
  if (first.text === '{' || first.text === '=>') return at;
  if (first.text !== ':') return -1;
  let angle = 0;
  for (let i = at + 1; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'punct') continue;
    const opener = OPEN[t.text];
    if (opener) {
      const typeLiteral = t.text !== '{' || angle > 0 || TYPE_CONTINUES.has(tokens[i - 1]!.text);
      if (!typeLiteral) return i;
      if (match[i]! < 0) return -1;
      i = match[i]!;
    } else if (t.text === '<') angle++;
    else if (t.text === '>') angle--;
    else if (angle === 0 && t.text === '=>' && tokens[i + 1]?.text === '{') return i;
    else if (angle === 0 && [';', ',', '=', ')', ']', '}'].includes(t.text)) return -1;
  }
  return -1;
}

/** Index of the token closing the body that starts at `at` (`{...}`, `=> {...}`, `=> (...)`), or -1. */
function bodyEnd(tokens: Token[], match: number[], at: number): number {
  const t = tokens[at]!;
  if (t.text === '{') return match[at]!;
  const next = tokens[at + 1];
  if (next && next.kind === 'punct' && (next.text === '{' || next.text === '(')) return match[at + 1]!;
  return -1;
}

function nameBefore(tokens: Token[], at: number): string {
  let angle = 0;
  for (let i = at - 1; i >= Math.max(0, at - 12); i--) {
    const t = tokens[i]!;
    if (t.text === '>') angle++;
    else if (t.text === '<') angle--;
    else if (angle > 0) continue;
    else if (t.kind === 'ident' && !NOT_NAMES.has(t.text)) return t.text;
    else if (t.kind !== 'ident' && ![':', '=', '*'].includes(t.text)) break;
  }
  return '(anonymous)';
}

function span(tokens: Token[], name: string, startAt: number, endAt: number): FunctionSpan {
  const start = tokens[startAt]!.line;
  const end = tokens[endAt]!.line;
  return { name, start, end, lines: end - start + 1 };
}

/** Every function in the token stream, in source order of their parameter lists. */
export function findFunctions(tokens: Token[]): FunctionSpan[] {
  const match = matchBrackets(tokens);
  const out: FunctionSpan[] = [];
  /** Arrows already taken by a parameter list (so `(a): T => {` is not also read as `T => {`). */
  const arrows = new Set<number>();
  tokens.forEach((t, i) => {
    if (t.kind === 'punct' && t.text === '(' && match[i]! >= 0) {
      const before = tokens[i - 1];
      if (before && before.kind === 'ident' && CONTROL.has(before.text)) return;
      const body = bodyAfterParams(tokens, match, match[i]! + 1);
      const end = body < 0 ? -1 : bodyEnd(tokens, match, body);
      if (end < 0) return;
      if (tokens[body]!.text === '=>') arrows.add(body);
      out.push(span(tokens, nameBefore(tokens, i), i, end));
    } else if (t.kind === 'ident' && tokens[i + 1]?.text === '=>' && !arrows.has(i + 1)) {
      const end = bodyEnd(tokens, match, i + 1);
      if (end >= 0) out.push(span(tokens, nameBefore(tokens, i), i, end));
    }
  });
  return out;
}
