/** Runs ffmpeg/ffprobe to completion and collects its output (for probing, not for frames). */
import { spawn } from 'node:child_process';
import { VssError } from '../../core/errors.ts';
import { toolPath, type Tool } from './ffmpeg-paths.ts';

export interface ToolResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** Kill after this many ms (default 10 minutes). */
  timeoutMs?: number;
  /** Called with each complete stderr line while running. */
  onStderrLine?: (line: string) => void;
}

export function runTool(tool: Tool, args: string[], opts: RunOptions = {}): Promise<ToolResult> {
  const bin = toolPath(tool);
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let partial = '';
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => {
      if (opts.onStderrLine) {
        const text = partial + b.toString('utf8');
        const lines = text.split('\n');
        partial = lines.pop() ?? '';
        for (const l of lines) opts.onStderrLine(l);
      } else err.push(b);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 600_000);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(new VssError('INTERNAL', `could not run ${tool} (${bin}): ${e.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (partial && opts.onStderrLine) opts.onStderrLine(partial);
      if (signal === 'SIGSEGV' || signal === 'SIGABRT' || signal === 'SIGBUS' || signal === 'SIGFPE') {
        return reject(new VssError('CORRUPT', `${tool} crashed (${signal}) reading ${args[args.length - 1]}; the file is probably damaged`));
      }
      if (signal) return reject(new VssError('INTERNAL', `${tool} was killed (${signal})`));
      resolve({ code: code ?? 1, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
  });
}

/** The most telling line of ffmpeg/ffprobe stderr (last non-empty one, without the "[x @ 0x..]" prefix). */
export function lastErrorLine(stderr: string): string {
  const lines = stderr.split('\n').map((l) => l.trim()).filter(Boolean);
  const line = lines[lines.length - 1] ?? '';
  return line.replace(/^\[[^\]]*@ ?0x[0-9a-f]+\]\s*/i, '').slice(0, 300);
}
