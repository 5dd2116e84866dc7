/**
 * Entry of the `vss` command (bin/vss.mjs). Errors are printed as one line, "vss: <message>",
 * never as a stack trace (set VSS_DEBUG=1 to see one), with a non-zero exit code.
 */
import { commands } from './commands/index.ts';
import type { CliIO } from './command.ts';

export function errorLine(e: unknown): string {
  if (e instanceof Error) return e.message.split('\n')[0]!.trim() || e.name;
  return String(e).split('\n')[0]!;
}

function help(): string {
  const lines = ['usage: vss <command> [options]', '', 'commands:'];
  for (const c of commands) lines.push(`  ${c.usage}`, `      ${c.summary}`);
  return lines.join('\n');
}

export async function main(argv: string[], io: CliIO = defaultIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(help());
    return name === undefined ? 2 : 0;
  }
  const cmd = commands.find((c) => c.name === name);
  if (!cmd) {
    io.err(`vss: unknown command "${name}" (try vss --help)`);
    return 2;
  }
  try {
    return await cmd.run(rest, io);
  } catch (e) {
    io.err(`vss ${cmd.name}: ${errorLine(e)}`);
    if (process.env.VSS_DEBUG) io.err(e instanceof Error ? (e.stack ?? '') : '');
    return 1;
  }
}

const defaultIO: CliIO = {
  out: (t) => process.stdout.write(t + '\n'),
  err: (t) => process.stderr.write(t + '\n'),
};
