/**
 * Starts ffmpeg (stdin piped, stderr piped) with its stdout going to a frame assembler: one end
 * of a socket pair read with `onread` straight into the assembler's buffer where available
 * (socket-pair.ts), else the stdout pipe with one copy per chunk. Used by the packet-feed
 * decoders (packet-decoder.ts, stream-decoder.ts); decode-run.ts has its own pause-aware variant.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { Socket } from 'node:net';
import type { Readable } from 'node:stream';
import { toolPath } from './ffmpeg-paths.ts';
import type { FrameAssembler } from './frame-assembler.ts';
import { socketPair, socketPairsAvailable } from './socket-pair.ts';

export async function spawnRgbaFfmpeg(args: string[], asm: FrameAssembler): Promise<{ child: ChildProcess; reader: Readable }> {
  let out: 'pipe' | Socket = 'pipe';
  let reader: Readable | null = null;
  if (socketPairsAvailable) {
    try {
      const pair = await socketPair({
        buffer: () => asm.space(),
        callback: (n: number) => {
          asm.wrote(n);
          return true;
        },
      });
      out = pair.childEnd;
      reader = pair.reader;
    } catch {
      out = 'pipe';
    }
  }
  const child = spawn(toolPath('ffmpeg'), args, { stdio: ['pipe', out, 'pipe'], windowsHide: true });
  if (out !== 'pipe') out.destroy();
  else {
    reader = child.stdout!;
    reader.on('data', (b: Buffer) => asm.push(b));
  }
  return { child, reader: reader! };
}
