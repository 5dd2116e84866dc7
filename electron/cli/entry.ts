/**
 * The `vss` process: runs main() with the real stdout/stderr and turns Ctrl+C (SIGINT) and SIGTERM
 * into a clean stop. A command that can stop by itself (segment, export, serve) is asked to, and
 * removes its temporary output; any other is ended at once, after its temp files are removed.
 * A second Ctrl+C always ends the process at once. Bundled as dist/electron/vss.mjs.
 */
import { pathToFileURL } from 'node:url';
import { findCommand, interruptedCode, main, processIO } from './main.ts';
import { removeTempFilesSync } from './temp-files.ts';

export async function runProcess(argv: readonly string[]): Promise<void> {
  const controller = new AbortController();
  const cancellable = findCommand(argv.find((a) => !a.startsWith('-')))?.cancellable === true;
  const onSignal = (sig: NodeJS.Signals): void => {
    if (controller.signal.aborted || !cancellable) {
      removeTempFilesSync();
      process.exit(sig === 'SIGTERM' ? 143 : 130);
    }
    controller.abort(sig);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const code = await main(argv, processIO(), controller.signal);
  process.exitCode = controller.signal.aborted ? interruptedCode(controller.signal) : code;
}

// Run directly (`node dist/electron/vss.mjs …`, e.g. from a packaged app's unpacked files) rather than through bin/vss.mjs.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await runProcess(process.argv.slice(2));
