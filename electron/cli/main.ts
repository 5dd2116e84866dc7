/**
 * Entry of the `vss` command (entry.ts wires it to the process). Errors are printed as one line,
 * "vss <command>: <message>", never as a stack trace (set VSS_DEBUG=1 to see one). Exit codes:
 * 0 success, 1 runtime failure, 2 usage error, 130 Ctrl+C (143 SIGTERM); see help.ts.
 */
import { COMMON_OPTIONS, parseCommandArgs, UsageError } from './args.ts';
import { commands } from './commands/index.ts';
import type { CliCommand, CliIO } from './command.ts';
import { commandHelp, globalHelp } from './help.ts';
import { closest } from './suggest.ts';
import { cliVersion } from './version.ts';

export function errorLine(e: unknown): string {
  if (e instanceof Error) return e.message.split('\n')[0]!.trim() || e.name;
  return String(e).split('\n')[0]!;
}

/** Exit code of a run stopped by `signal` (its reason is the signal's name). */
export function interruptedCode(signal: AbortSignal): number {
  return signal.reason === 'SIGTERM' ? 143 : 130;
}

export function findCommand(name: string | undefined): CliCommand | undefined {
  return commands.find((c) => c.name === name);
}

function unknownCommand(name: string, io: CliIO): number {
  const known = commands.map((c) => c.name);
  const flag = name.startsWith('-');
  const guess = flag ? closest(name.replace(/^-+/, ''), ['help', 'version']) : closest(name, known);
  const what = flag ? `unknown option ${name}` : `unknown command "${name}"`;
  io.err(`vss: ${what}${guess ? ` (did you mean ${flag ? `--${guess}` : guess}?)` : ''}; see vss --help`);
  return 2;
}

async function runCommand(cmd: CliCommand, argv: readonly string[], io: CliIO, signal: AbortSignal): Promise<number> {
  try {
    const args = parseCommandArgs(argv, [...cmd.options, ...COMMON_OPTIONS], cmd.positionals);
    if (args.flag('help')) {
      io.out(commandHelp(cmd));
      return 0;
    }
    const json = args.flag('json') || io.stdoutTTY !== true;
    const result = await cmd.run(args, { io, signal, json });
    if (signal.aborted) return interruptedCode(signal);
    if (result) io.out(json ? JSON.stringify(result.data) : result.text);
    return 0;
  } catch (e) {
    if (signal.aborted) {
      io.err(`vss ${cmd.name}: interrupted`);
      return interruptedCode(signal);
    }
    io.err(`vss ${cmd.name}: ${errorLine(e)}`);
    if (process.env.VSS_DEBUG) io.err(e instanceof Error ? (e.stack ?? '') : '');
    return e instanceof UsageError ? 2 : 1;
  }
}

export async function main(argv: readonly string[], io: CliIO = processIO(), signal: AbortSignal = new AbortController().signal): Promise<number> {
  // `vss --json probe x` is read as `vss probe x --json`.
  const lead = argv[0] === '--json' ? argv.slice(1) : argv;
  const [name, ...rest] = lead;
  if (lead !== argv) rest.push('--json');
  if (name === undefined) {
    io.err(globalHelp(commands));
    return 2;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    const cmd = findCommand(rest[0]);
    io.out(cmd ? commandHelp(cmd) : globalHelp(commands));
    return rest[0] === undefined || cmd ? 0 : unknownCommand(rest[0], io);
  }
  if (name === '--version' || name === '-V' || name === 'version') {
    io.out(`vss ${cliVersion()}`);
    return 0;
  }
  const cmd = findCommand(name);
  return cmd ? runCommand(cmd, rest, io, signal) : unknownCommand(name, io);
}

export function processIO(): CliIO {
  return {
    out: (t) => process.stdout.write(t + '\n'),
    err: (t) => process.stderr.write(t + '\n'),
    errRaw: (t) => process.stderr.write(t),
    stdoutTTY: process.stdout.isTTY === true,
    stderrTTY: process.stderr.isTTY === true,
    columns: process.stderr.columns,
  };
}
