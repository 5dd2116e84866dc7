import type { CliCommand } from '../command.ts';

/** Every sub-command of `vss`, in the order `vss --help` lists them. */
export const commands: CliCommand[] = [];
