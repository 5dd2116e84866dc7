/** `vss --help` and `vss <command> --help`, generated from the command and option declarations. */
import { COMMON_OPTIONS, type OptionSpec } from './args.ts';
import type { CliCommand } from './command.ts';
import { envHelp } from './env.ts';

export const EXIT_CODES: readonly (readonly [number, string])[] = [
  [0, 'success'],
  [1, 'the command failed (bad input file, missing model, I/O error, …)'],
  [2, 'usage error: unknown flag, missing or malformed value, wrong arguments'],
  [130, 'interrupted by Ctrl+C (SIGINT); 143 for SIGTERM. Temporary output is removed'],
];

function placeholder(o: OptionSpec): string {
  if (o.kind === 'switch') return '';
  return ` <${o.value ?? (o.choices ? o.choices.join('|') : 'value')}>`;
}

function optionLabel(o: OptionSpec): string {
  return `${o.short ? `-${o.short}, ` : '    '}--${o.name}${placeholder(o)}`;
}

function optionNote(o: OptionSpec): string {
  const parts = [o.help];
  if (o.required) parts.push('(required)');
  const def = o.defaultText ?? (o.default !== undefined && o.kind !== 'switch' ? String(o.default) : undefined);
  if (def !== undefined) parts.push(`(default: ${def})`);
  return parts.join(' ');
}

function columns(rows: readonly (readonly [string, string])[]): string[] {
  const width = Math.min(34, Math.max(...rows.map(([l]) => l.length)));
  return rows.map(([l, r]) => (l.length > width ? `  ${l}\n  ${' '.repeat(width)}  ${r}` : `  ${l.padEnd(width)}  ${r}`));
}

export function usageLine(cmd: CliCommand): string {
  const pos = (cmd.positionals ?? []).map((p) => (p.optional ? `[<${p.name}>]` : `<${p.name}>`));
  const required = cmd.options.filter((o) => o.required).map((o) => `--${o.name}${placeholder(o)}`);
  return ['vss', cmd.name, ...pos, ...required, '[options]'].join(' ');
}

export function commandHelp(cmd: CliCommand): string {
  const lines = [`usage: ${usageLine(cmd)}`, '', cmd.summary];
  if (cmd.description) lines.push('', cmd.description);
  lines.push('', 'options:', ...columns([...cmd.options, ...COMMON_OPTIONS].map((o) => [optionLabel(o), optionNote(o)])));
  if (cmd.examples.length) lines.push('', 'examples:', ...cmd.examples.map((e) => `  ${e}`));
  return lines.join('\n');
}

export function globalHelp(commands: readonly CliCommand[]): string {
  return [
    'usage: vss <command> [options]',
    '       vss <command> --help      every flag of a command, with defaults and examples',
    '',
    'commands:',
    ...columns(commands.map((c) => [c.name, c.summary])),
    '',
    'options:',
    ...columns([
      ['-h, --help', 'show this help'],
      ['-V, --version', 'print the version'],
      ['--json', 'one JSON line per result (the default when stdout is not a terminal)'],
    ]),
    '',
    'output: human-readable on a terminal, one JSON line when piped or with --json; progress and',
    'notes go to stderr (a progress bar when stderr is a terminal).',
    '',
    'exit codes:',
    ...columns(EXIT_CODES.map(([c, t]) => [String(c), t])),
    '',
    ...envHelp(),
  ].join('\n');
}
