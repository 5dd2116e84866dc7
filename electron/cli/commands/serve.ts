/**
 * `vss serve [video|frames-dir] [--port P] [--host H]`: the review host. Prints one line with the
 * URL (token included) and runs until Ctrl+C or SIGTERM, then closes the server and exits (130 or
 * 143). Builds the UI on first start if needed.
 */
import { join } from 'node:path';
import type { CliCommand } from '../command.ts';
import { cliVersion } from '../version.ts';
import { createBackend } from '../../backend/api.ts';
import { startReviewHost } from '../../backend/host/server.ts';
import { ensureRendererBuilt } from '../../backend/host/renderer-build.ts';
import { createVideoService } from '../../backend/video/service.ts';
import { packageRoot } from '../../shared/package-root.ts';

function untilAborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => (signal.aborted ? resolve() : signal.addEventListener('abort', () => resolve(), { once: true })));
}

export const serveCommand: CliCommand = {
  name: 'serve',
  summary: 'review host: the UI in a browser (URL with a per-run token), until Ctrl+C',
  description: 'Prints "VSS review host: <url>" on stdout (also with --json). Anyone who can reach the port and has the token can read opened videos.',
  positionals: [{ name: 'video|frames-dir', optional: true }],
  cancellable: true,
  options: [
    { name: 'port', kind: 'int', value: 'P', min: 0, max: 65535, default: 0, defaultText: '0 = a free port', help: 'TCP port to listen on' },
    { name: 'host', kind: 'string', value: 'H', default: '127.0.0.1', help: 'address to listen on' },
  ],
  examples: ['vss serve clip.mp4', 'vss serve --port 8080'],
  async run(args, { io, signal }) {
    const port = args.number('port')!;
    const host = args.string('host')!;
    const staticDir = await ensureRendererBuilt(join(packageRoot(), 'dist', 'renderer'), (line) => io.err(line));
    const video = createVideoService();
    const backend = createBackend({ video, transport: 'browser', version: cliVersion(), cacheLimitMB: video.cacheLimitMB });
    try {
      const path = args.positionals[0];
      if (path !== undefined) await backend.handle('video.open', { path });
      const server = await startReviewHost({ backend, staticDir, port, host });
      io.out(`VSS review host: ${server.url}`);
      if (host !== '127.0.0.1' && host !== 'localhost' && host !== '::1') {
        io.err(`warning: listening on ${host}; anyone who can reach it and has the token can read opened videos`);
      }
      await untilAborted(signal);
      await server.close();
    } finally {
      await backend.dispose();
    }
    return undefined;
  },
};
