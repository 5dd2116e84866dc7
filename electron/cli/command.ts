/** What every `vss` sub-command provides. Register new commands in commands/index.ts. */
export interface CliIO {
  /** One line (or block) to stdout. */
  out(text: string): void;
  /** One line to stderr. */
  err(text: string): void;
}

export interface CliCommand {
  name: string;
  /** One-line usage, e.g. "vss probe <video|frames-dir>". */
  usage: string;
  summary: string;
  /** Flags that take no value. */
  switches?: readonly string[];
  /** Returns the process exit code. Throw for errors: main() prints them as one line. */
  run(argv: string[], io: CliIO): Promise<number>;
}
