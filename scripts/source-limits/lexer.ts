/**
 * A small TypeScript/JavaScript tokenizer for the source-size check (source-limits.ts). TypeScript
 * 7 is native and has no JS compiler API, so this reads just enough of the language to find every
 * function body: it skips comments, string literals, template literals (with `${...}` holes that
 * nest), regular-expression literals (told from division by the token before the slash) and JSX
 * text (a quote that meets the end of its line is text, not a string).
 * It yields identifiers and punctuation with their line numbers; literals become one token.
 */

export type TokenKind = 'ident' | 'punct' | 'literal';

export interface Token {
  kind: TokenKind;
  text: string;
  /** 1-based line of the token's first character. */
  line: number;
}

/** Keywords after which a `/` starts a regular expression rather than a division. */
const REGEX_AFTER_WORD = new Set([
  'return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do',
  'else', 'yield', 'await',
]);
/** Punctuators tokenized as one token (longest first); anything else is one character. */
const MULTI_PUNCT = ['=>', '...', '?.', '??', '&&', '||', '==', '!=', '<=', '>=', '++', '--'];

interface State {
  src: string;
  pos: number;
  line: number;
  tokens: Token[];
  /** One entry per open `{` (false) or template hole `${` (true). */
  braces: boolean[];
}

const isIdentStart = (c: string): boolean => /[A-Za-z_$\u0080-\uffff]/.test(c);
const isIdentPart = (c: string): boolean => /[\w$\u0080-\uffff]/.test(c);

/** Advances over src[from, to), counting newlines. */
function advance(s: State, to: number): void {
  for (let i = s.pos; i < to; i++) if (s.src.charCodeAt(i) === 10) s.line++;
  s.pos = to;
}

function push(s: State, kind: TokenKind, text: string, line: number): void {
  s.tokens.push({ kind, text, line });
}

/** End of a '...' or "..." string starting at s.pos, or -1 when it meets a newline first (JSX text). */
function quotedEnd(s: State, quote: string): number {
  for (let i = s.pos + 1; i < s.src.length; i++) {
    const c = s.src[i];
    if (c === '\\') i++;
    else if (c === quote) return i + 1;
    else if (c === '\n') return -1;
  }
  return -1;
}

/** Scans template text from s.pos (just after ` or the } closing a hole) to its end or next hole. */
function scanTemplate(s: State, line: number): void {
  for (let i = s.pos; i < s.src.length; i++) {
    const c = s.src[i];
    if (c === '\\') i++;
    else if (c === '`') {
      advance(s, i + 1);
      push(s, 'literal', '`', line);
      return;
    } else if (c === '$' && s.src[i + 1] === '{') {
      advance(s, i + 2);
      push(s, 'literal', '`', line);
      s.braces.push(true);
      return;
    }
  }
  advance(s, s.src.length);
}

/** Whether a `/` at this point starts a regular expression, judged by the previous token. */
function regexAllowed(s: State): boolean {
  const prev = s.tokens[s.tokens.length - 1];
  if (!prev) return true;
  if (prev.kind === 'literal') return false;
  if (prev.kind === 'ident') return REGEX_AFTER_WORD.has(prev.text);
  // `</` closes a JSX element; `)`, `]` and `}` end an operand.
  return !['<', ')', ']', '}', '++', '--'].includes(prev.text);
}

/** End of a regular expression literal at s.pos (with flags), or -1 when the line ends first. */
function regexEnd(s: State): number {
  let inClass = false;
  for (let i = s.pos + 1; i < s.src.length; i++) {
    const c = s.src[i];
    if (c === '\\') i++;
    else if (c === '\n') return -1;
    else if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    else if (c === '/' && !inClass) {
      let end = i + 1;
      while (end < s.src.length && isIdentPart(s.src[end]!)) end++;
      return end;
    }
  }
  return -1;
}

/** Skips a comment at s.pos; returns whether there was one. */
function skipComment(s: State): boolean {
  const two = s.src.slice(s.pos, s.pos + 2);
  if (two === '//') {
    const nl = s.src.indexOf('\n', s.pos);
    advance(s, nl < 0 ? s.src.length : nl);
    return true;
  }
  if (two === '/*') {
    const end = s.src.indexOf('*/', s.pos + 2);
    advance(s, end < 0 ? s.src.length : end + 2);
    return true;
  }
  return false;
}

/** Scans one literal (string, template, regex) at s.pos; returns whether there was one. */
function scanLiteral(s: State, c: string, line: number): boolean {
  let end = -1;
  if (c === '`') {
    advance(s, s.pos + 1);
    scanTemplate(s, line);
    return true;
  }
  if (c === '"' || c === "'") end = quotedEnd(s, c);
  else if (c === '/' && regexAllowed(s)) end = regexEnd(s);
  if (end < 0) return false;
  push(s, 'literal', s.src.slice(s.pos, end), line);
  advance(s, end);
  return true;
}

/** Scans one punctuator at s.pos, keeping track of braces and template holes. */
function scanPunct(s: State, c: string, line: number): void {
  if (c === '}' && s.braces.pop() === true) {
    advance(s, s.pos + 1);
    scanTemplate(s, line);
    return;
  }
  if (c === '{') s.braces.push(false);
  const multi = MULTI_PUNCT.find((p) => s.src.startsWith(p, s.pos));
  const text = multi ?? c;
  push(s, 'punct', text, line);
  advance(s, s.pos + text.length);
}

export function tokenize(src: string): Token[] {
  const s: State = { src, pos: 0, line: 1, tokens: [], braces: [] };
  while (s.pos < src.length) {
    const c = src[s.pos]!;
    const line = s.line;
    if (/\s/.test(c)) advance(s, s.pos + 1);
    else if (skipComment(s)) continue;
    else if (scanLiteral(s, c, line)) continue;
    else if (isIdentStart(c) || /[0-9]/.test(c)) {
      let end = s.pos + 1;
      while (end < src.length && (isIdentPart(src[end]!) || (src[end] === '.' && /[0-9]/.test(c)))) end++;
      push(s, /[0-9]/.test(c) ? 'literal' : 'ident', src.slice(s.pos, end), line);
      advance(s, end);
    } else scanPunct(s, c, line);
  }
  return s.tokens;
}
