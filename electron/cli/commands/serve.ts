/**
 * `vss serve [video|frames-dir] [--fps F] [--port P] [--host H] [--new-token]`: the review host. Prints one
 * line with the URL (token included) and runs until Ctrl+C or SIGTERM, then closes the server and
 * exits (130 or 143). Builds the UI on first start if needed. The token and the port are kept in
 * the VSS home folder (review-host.json, mode 0600) and reused, so open pages survive a restart.
 */
import { join } from 'node:path';
import type { CliCommand } from '../command.ts';
import { cliVersion } from '../version.ts';
import { createBackend } from '../../backend/api.ts';
import { startReviewHost } from '../../backend/host/server.ts';
import { ensureRendererBuilt } from '../../backend/host/renderer-build.ts';
import { createVideoService } from '../../backend/video/service.ts';
import { loadHostState, saveHostState } from '../../backend/host/host-state.ts';
import { resolveDataDir } from '../../backend/recent.ts';
import { packageRoot } from '../../shared/package-root.ts';
import { FRAME_RATE_RANGE } from '../../core/frame-rate.ts';
import { UsageError } from '../args.ts';

function untilAborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => (signal.aborted ? resolve() : signal.addEventListener('abort', () => resolve(), { once: true })));
}

/** Listens on the given port; without one, on the last run's port when it is free, else any. */
async function listen<T>(given: number | undefined, last: number, start: (port: number) => Promise<T>): Promise<T> {
  if (given !== undefined || last === 0) return start(given ?? 0);
  try {
    return await start(last);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw e;
    return start(0);
  }
}

export const serveCommand: CliCommand = {
  name: 'serve',
  summary: 'review host: the UI in a browser (URL with an access token), until Ctrl+C',
  description:
    'Prints "VSS review host: <url>" on stdout (also with --json). Anyone who can reach the port and has the token can read opened videos. ' +
    'The token and the port are kept in the VSS home folder (review-host.json, readable only by you) and reused, so a page left open keeps working after a restart.',
  positionals: [{ name: 'video|frames-dir', optional: true }],
  cancellable: true,
  options: [
    { name: 'port', kind: 'int', value: 'P', min: 0, max: 65535, defaultText: 'the last run\'s port if free, else a free one; 0 = a free one', help: 'TCP port to listen on' },
    { name: 'host', kind: 'string', value: 'H', default: '127.0.0.1', help: 'address to listen on' },
    { name: 'fps', kind: 'number', value: 'F', min: FRAME_RATE_RANGE.min, max: FRAME_RATE_RANGE.max, defaultText: "the project's, else 30", help: 'frame rate of a frames folder (kept in its project)' },
    { name: 'new-token', kind: 'switch', help: 'make a new access token (pages opened with the old one show a reconnect screen)' },
  ],
  examples: ['vss serve clip.mp4', 'vss serve frames/ --fps 10', 'vss serve --port 8080', 'vss serve --new-token'],
  async run(args, { io, signal }) {
    const path = args.positionals[0];
    const fps = args.number('fps');
    if (fps !== undefined && path === undefined) throw new UsageError('--fps needs a frames folder to open');
    const host = args.string('host')!;
    const home = resolveDataDir();
    const saved = await loadHostState(home, { rotate: args.flag('new-token') });
    const staticDir = await ensureRendererBuilt(join(packageRoot(), 'dist', 'renderer'), (line) => io.err(line));
    const video = createVideoService();
    const backend = createBackend({ video, transport: 'browser', version: cliVersion(), cacheLimitMB: video.cacheLimitMB });
    try {
      // With --fps the folder's project is opened too, so that it keeps the rate.
      if (path !== undefined) await backend.handle('video.open', { path, ...(fps === undefined ? {} : { fps }) });
      if (path !== undefined && fps !== undefined) await backend.handle('project.forVideo', { videoPath: path, fps });
      const server = await listen(args.number('port'), saved.port, (port) => startReviewHost({ backend, staticDir, port, host, token: saved.token }));
      await saveHostState(home, { token: saved.token, port: server.port });
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
