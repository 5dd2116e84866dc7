/**
 * `vss serve [video|frames-dir] [--port P] [--host H]`: the review host. Prints one line with
 * the URL (token included) and runs until SIGINT/SIGTERM. Builds the UI on first start if needed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ValidationError } from '../../shared/validate.ts';
import { createBackend } from '../../backend/api.ts';
import { startReviewHost } from '../../backend/host/server.ts';
import { ensureRendererBuilt, REPO_ROOT } from '../../backend/host/renderer-build.ts';
import { createVideoService } from '../../backend/video/service.ts';
import { flagInt, flagString, parseArgs } from '../args.ts';
import type { CliCommand } from '../command.ts';

function version(): string {
  try {
    return (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version?: string }).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const on = (s: NodeJS.Signals) => {
      process.off('SIGINT', on);
      process.off('SIGTERM', on);
      resolve(s);
    };
    process.on('SIGINT', on);
    process.on('SIGTERM', on);
  });
}

export const serveCommand: CliCommand = {
  name: 'serve',
  usage: 'vss serve [video|frames-dir] [--port P] [--host H]',
  summary: 'review host: the UI in a browser on 127.0.0.1 (URL with a per-run token); --port 0 picks a free port',
  async run(argv, io) {
    const args = parseArgs(argv);
    if (args.positionals.length > 1) throw new ValidationError('give at most one video or frames folder');
    const port = flagInt(args, 'port', 0)!;
    if (port < 0 || port > 65535) throw new ValidationError('--port must be between 0 and 65535');
    const host = flagString(args, 'host') ?? '127.0.0.1';
    for (const name of args.flags.keys()) {
      if (name !== 'port' && name !== 'host') throw new ValidationError(`unknown option --${name}`);
    }

    const staticDir = await ensureRendererBuilt(undefined, (line) => io.err(line));
    const video = createVideoService();
    const backend = createBackend({ video, transport: 'browser', version: version(), cacheLimitMB: video.cacheLimitMB });
    try {
      const path = args.positionals[0];
      if (path !== undefined) await backend.handle('video.open', { path });
      const server = await startReviewHost({ backend, staticDir, port, host });
      io.out(`VSS review host: ${server.url}`);
      if (host !== '127.0.0.1' && host !== 'localhost' && host !== '::1') {
        io.err(`warning: listening on ${host}; anyone who can reach it and has the token can read opened videos`);
      }
      await untilSignal();
      await server.close();
    } finally {
      await backend.dispose();
    }
    return 0;
  },
};
