/**
 * The source-size limits hold over the repository (scripts/source-limits/), and the scanner behind
 * them finds functions through strings, template literals, comments, regular expressions and JSX.
 */
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tokenize } from './source-limits/lexer.ts';
import { findFunctions } from './source-limits/functions.ts';
import { ALLOWED_LONG_FUNCTIONS, checkSources, excessesOf, formatExcess, sourceFiles } from './source-limits/check.ts';

const repo = fileURLToPath(new URL('..', import.meta.url));

/** name:start-end of every function found in the source. */
function spans(src: string): string[] {
  return findFunctions(tokenize(src)).map((f) => `${f.name}:${f.start}-${f.end}`);
}

test('no source file over 400 lines and no function over 80 lines outside the allow-list', () => {
  const excesses = checkSources(repo);
  assert.deepEqual(excesses.map(formatExcess), []);
});

test('every allow-list entry names a function that is still over the limit', () => {
  const files = sourceFiles(repo);
  const long = new Set(files.flatMap((file) => excessesOf(file, readFileSync(join(repo, file), 'utf8')))
    .map((e) => `${e.file}#${e.what}`));
  for (const key of ALLOWED_LONG_FUNCTIONS.keys()) {
    assert.ok(long.has(key), `${key} is not a function over the limit: remove it from the list`);
  }
});

test('declarations, methods, arrows and function expressions are all found', () => {
  const src = [
    'export async function load<T>(a: T,', // 1
    '  b: number): Promise<Array<T>> {', // 2
    '  return [a];', // 3
    '}', // 4
    'const add = (a: number): number => {', // 5
    '  return a + 1;', // 6
    '};', // 7
    'class K {', // 8
    '  get size(): number { return 1; }', // 9
    '  method(x: { a: number }): { b: number } {', // 10
    '    return { b: x.a };', // 11
    '  }', // 12
    '}', // 13
    'const f = function named() {', // 14
    '};', // 15
    'items.map(x => {', // 16
    '  return x;', // 17
    '});', // 18
    'const View = () => (', // 19
    '  <div>{1}</div>', // 20
    ');', // 21
  ].join('\n');
  assert.deepEqual(spans(src), [
    'load:1-4', 'add:5-7', 'size:9-9', 'method:10-12', 'named:14-15', '(anonymous):16-18', 'View:19-21',
  ]);
});

test('control statements, calls and type signatures are not functions', () => {
  const src = [
    'if (a) { b(); }',
    'for (const x of y) { z(x); }',
    'while (c) { d(); }',
    'switch (e) { default: break; }',
    'try { f(); } catch (err) { g(err); }',
    'interface I { m(a: number): { r: number }; n(): void; }',
    'type F = (a: number) => number;',
    'const v = cond ? (a) : { b: 1 };',
  ].join('\n');
  assert.deepEqual(spans(src), []);
});

test('braces inside strings, templates, comments and regular expressions do not count', () => {
  const src = [
    'function a() {', // 1
    "  const s = '{' + \"}}\" + `${'{'}{`;", // 2
    '  // } a comment brace', // 3
    '  /* } */', // 4
    '  const r = /[/}]\\}/g.test(s) ? 1 / 2 : 3;', // 5
    '  const t = `x ${ { k: `}` }.k } y`;', // 6
    '  return `', // 7
    '  }`;', // 8
    '}', // 9
    'function b() { return 1; }', // 10
  ].join('\n');
  assert.deepEqual(spans(src), ['a:1-9', 'b:10-10']);
});

test('JSX text with apostrophes and closing tags does not derail the scan', () => {
  const src = [
    'export function Panel() {', // 1
    '  return (', // 2
    "    <p>Don't {count} change</p>", // 3
    '  );', // 4
    '}', // 5
    'function next() { return 2; }', // 6
  ].join('\n');
  assert.deepEqual(spans(src), ['Panel:1-5', 'next:6-6']);
});

test('nested functions count inside their parent', () => {
  const body = Array.from({ length: 90 }, (_, i) => `  const v${i} = () => ${i};`).join('\n');
  const src = `export function factory() {\n  const inner = () => {\n    return 1;\n  };\n${body}\n}\n`;
  const [excess] = excessesOf('x.ts', src);
  assert.equal(excess?.what, 'factory');
  assert.equal(excess?.lines, 95);
  assert.deepEqual(spans(src).slice(0, 2), ['factory:1-95', 'inner:2-4']);
});

test('a file over 400 lines is reported', () => {
  const src = 'const a = 1;\n'.repeat(401);
  assert.deepEqual(excessesOf('big.ts', src).map(formatExcess), ['big.ts:1 file has 401 lines (limit 400)']);
});
