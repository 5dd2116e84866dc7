/**
 * `npm run bench`: runs every section in scripts/bench/*.ts (each exports `bench()`), prints
 * markdown tables and writes them to docs/bench-results.md.
 * `npm run bench -- video flow` runs only the named sections.
 * Speed is measured here, never asserted in timed tests.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync, renameSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import os from 'node:os';
import type { BenchSection } from './bench/types.ts';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');

export function toMarkdown(s: BenchSection): string {
  const lines = [`### ${s.title}`, '', `| ${s.columns.join(' | ')} |`, `| ${s.columns.map(() => '---').join(' | ')} |`];
  for (const r of s.rows) lines.push(`| ${r.join(' | ')} |`);
  if (s.notes.length) lines.push('', ...s.notes.map((n) => `- ${n}`));
  return lines.join('\n');
}

/** Replaces each `### title` block of `old` by the fresh block with the same title (appends new ones). */
export function mergeSections(old: string, fresh: string[]): string {
  const blocks = old.split(/\n(?=### )/);
  for (const md of fresh) {
    const title = md.split('\n', 1)[0];
    const i = blocks.findIndex((b) => b.split('\n', 1)[0] === title);
    if (i >= 0) blocks[i] = md + '\n';
    else blocks.push(md + '\n');
  }
  return blocks.join('\n');
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const files = readdirSync(join(here, 'bench'))
    .filter((f) => f.endsWith('.ts') && f !== 'types.ts' && !f.endsWith('.test.ts'))
    .filter((f) => wanted.length === 0 || wanted.includes(f.replace(/\.ts$/, '')))
    .sort();
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const header = `Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} × ${cpu}, Node ${process.version}.`;
  const out: string[] = ['# Benchmark results', '', header, ''];
  let failed = 0;
  const sections: string[] = [];
  for (const f of files) {
    process.stderr.write(`bench: ${f} ...\n`);
    try {
      const mod: { bench?: () => Promise<BenchSection> } = await import(pathToFileURL(join(here, 'bench', f)).href);
      if (typeof mod.bench !== 'function') continue;
      const section = await mod.bench();
      const md = toMarkdown(section);
      console.log(md + '\n');
      out.push(md, '');
      sections.push(md);
    } catch (e) {
      failed++;
      const msg = e instanceof Error ? e.message.split('\n')[0] : String(e);
      console.log(`### ${f}\n\nfailed: ${msg}\n`);
      out.push(`### ${f}`, '', `failed: ${msg}`, '');
    }
  }
  const target = join(root, 'docs', 'bench-results.md');
  let text = out.join('\n');
  if (wanted.length > 0 && existsSync(target)) {
    // Only some sections ran: replace those sections in the existing results, keep the others.
    text = mergeSections(readFileSync(target, 'utf8'), sections);
  }
  writeFileSync(target + '.tmp', text);
  renameSync(target + '.tmp', target);
  process.stderr.write(`bench: wrote ${target}\n`);
  process.exitCode = failed ? 1 : 0;
}

await main();
