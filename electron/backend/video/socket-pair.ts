/**
 * A connected pair of Unix-domain stream sockets, for one decoder's output: ffmpeg gets one end
 * as its stdout, Node reads the other with `onread`, straight into the frame buffer being filled
 * (no 64 KB chunk buffers, no copy of each 8 MB frame). Node has no socketpair(2), so the pair
 * is made by connecting to a listening socket in a private (0700) temp folder, one per process,
 * unref'd, removed at exit. Pairs are made one at a time, so the next accepted connection is
 * the one just connected. Not available on Windows (callers fall back to the stdout pipe).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, connect, type OnReadOpts, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SocketPair {
  /** Give this to the child (spawn stdio), then destroy it here. */
  childEnd: Socket;
  /** Read end; data lands in the buffers `onread` hands out. */
  reader: Socket;
}

let server: Promise<{ server: Server; path: string }> | null = null;
const accepted: ((s: Socket) => void)[] = [];
let chain: Promise<unknown> = Promise.resolve();

export const socketPairsAvailable = process.platform !== 'win32';

function listen(): Promise<{ server: Server; path: string }> {
  server ??= new Promise((resolve, reject) => {
    const dir = mkdtempSync(join(tmpdir(), 'vss-frames-'));
    const path = join(dir, 's');
    const s = createServer({ pauseOnConnect: true }, (sock) => {
      const take = accepted.shift();
      if (take) take(sock);
      else sock.destroy();
    });
    s.once('error', (e) => {
      server = null;
      reject(e);
    });
    s.listen(path, () => {
      s.unref();
      process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
      resolve({ server: s, path });
    });
  });
  return server;
}

async function makePair(onread: OnReadOpts): Promise<SocketPair> {
  const { path } = await listen();
  let take: (s: Socket) => void = () => undefined;
  const childEnd = new Promise<Socket>((resolve) => accepted.push((take = resolve)));
  const reader = connect({ path, onread });
  try {
    await new Promise<void>((resolve, reject) => {
      reader.once('connect', resolve);
      reader.once('error', reject);
    });
  } catch (e) {
    const i = accepted.indexOf(take);
    if (i >= 0) accepted.splice(i, 1);
    throw e;
  }
  return { childEnd: await childEnd, reader };
}

/** A new connected pair; `onread` is installed on the reader before any byte arrives. */
export function socketPair(onread: OnReadOpts): Promise<SocketPair> {
  const p = chain.then(() => makePair(onread));
  chain = p.catch(() => undefined);
  return p;
}
