/** What every `vss` sub-command provides. Register new commands in commands/index.ts. */
import type { OptionSpec, ParsedArgs, PositionalSpec } from './args.ts';

export interface CliIO {
  /** One line (or block) to stdout. */
  out(text: string): void;
  /** One line to stderr. */
  err(text: string): void;
  /** Redraws the progress line on stderr (no newline). Only called when stderrTTY is true. */
  errRaw?(text: string): void;
  /** Whether stdout is a terminal: human-readable output instead of one JSON line. */
  stdoutTTY?: boolean;
  /** Whether stderr is a terminal: a redrawn progress bar instead of occasional progress lines. */
  stderrTTY?: boolean;
  /** Terminal width for the progress bar. */
  columns?: number;
}

export interface CliContext {
  io: CliIO;
  /**
   * Aborted on Ctrl+C (SIGINT) or SIGTERM. A `cancellable` command stops, removes its temporary
   * output and returns or throws; main() then exits with 130 (143 for SIGTERM).
   */
  signal: AbortSignal;
  /** Print one JSON line rather than human-readable text. */
  json: boolean;
}

/** What a command prints on success: `data` as one JSON line with --json, else `text`. */
export interface CommandResult {
  data: unknown;
  text: string;
}

export interface CliCommand {
  name: string;
  /** One line for `vss --help`. */
  summary: string;
  /** A paragraph for `vss <command> --help`, below the usage. */
  description?: string;
  positionals?: readonly PositionalSpec[];
  /** Every flag, as data: drives parsing, validation and help. --json and --help are added. */
  options: readonly OptionSpec[];
  /** Full command lines shown under "examples:" in help. */
  examples: readonly string[];
  /** Stops by itself when ctx.signal aborts; other commands are ended at once on Ctrl+C. */
  cancellable?: boolean;
  /** Throw for errors: main() prints them as one line (UsageError: exit 2, others: exit 1). */
  run(args: ParsedArgs, ctx: CliContext): Promise<CommandResult | undefined>;
}
