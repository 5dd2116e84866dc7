/** Runs ffmpeg and returns stdout as bytes (small outputs such as one image). */
import { spawn } from 'node:child_process';
import { VssError } from '../../core/errors.ts';
import { toolPath } from './ffmpeg-paths.ts';

export function runRaw(args: string[]): Promise<{ code: number; stdout: Uint8Array; stderr: string }> {
  const bin = toolPath('ffmpeg');
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e) => reject(new VssError('INTERNAL', `could not run ffmpeg (${bin}): ${e.message}`)));
    child.on('close', (code) => {
      const b = Buffer.concat(out);
      resolve({ code: code ?? 1, stdout: new Uint8Array(b.buffer, b.byteOffset, b.byteLength), stderr: Buffer.concat(err).toString('utf8') });
    });
  });
}
