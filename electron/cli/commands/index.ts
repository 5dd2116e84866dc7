import type { CliCommand } from '../command.ts';
import { flowCommand } from './flow.ts';
import { frameCommand } from './frame.ts';
import { probeCommand } from './probe.ts';
import { serveCommand } from './serve.ts';
import { segmentCommand } from './segment.ts';
import { evalCommand } from './eval.ts';
import { exportCommand } from './export.ts';
import { importCommand } from './import.ts';
import { projectCommand } from './project.ts';

/** Every sub-command of `vss`, in the order `vss --help` lists them. */
export const commands: CliCommand[] = [probeCommand, frameCommand, serveCommand, flowCommand, segmentCommand, evalCommand, exportCommand, importCommand, projectCommand];
