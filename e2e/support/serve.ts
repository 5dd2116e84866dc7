/** Starts `vss serve` on a random port (or `opts.port`) with its own VSS_HOME and returns the URL it prints. */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface ServeProcess {
  url: string;
  child: ChildProcess;
  port: number;
  stop(): Promise<void>;
  /** SIGKILL: no shutdown, no final save (a crash). */
  kill(): Promise<void>;
}

export function startServe(vssHome: string, args: string[] = [], opts: { port?: number } = {}): Promise<ServeProcess> {
  const child = spawn(process.execPath, ['bin/vss.mjs', 'serve', '--port', String(opts.port ?? 0), ...args], {
    cwd: ROOT,
    env: { ...process.env, VSS_HOME: vssHome },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const end = (signal: NodeJS.Signals) => () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill(signal);
    });
  const stop = end('SIGTERM');
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`vss serve printed no URL in 120 s: ${err.trim()}`)), 120_000);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /VSS review host: (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1]!, child, port: Number(new URL(m[1]!).port), stop, kill: end('SIGKILL') });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`vss serve exited (${code}): ${err.trim()}`));
    });
  });
}
