/**
 * The verification decode pass: decodes the whole stream once with the same ffmpeg that serves
 * frames (no pixel conversion, `-f null`), and records the timestamp and keyframe flag of every
 * frame the decoder actually outputs, in presentation order, plus decoder errors.
 * This gives the exact count of decodable frames. Errors are attributed to the next frame
 * output after the message (exact with -threads 1, which is used when attributing).
 */
import { runTool } from './run-tool.ts';

export interface ScannedFrame {
  pts: number;
  key: boolean;
}

export interface ScanResult {
  frames: ScannedFrame[];
  /** Output positions (0-based, presentation order) of frames whose decoding logged an error. */
  errorFrames: number[];
  errorMessages: string[];
}

const DECODER_LINE = /^\[info\] decoder -> ist_index:\d+ type:video .*?best_effort_ts:(-?\d+) .*?keyframe:(\d)/;
/** A decoder's error line, e.g. "[h264 @ 0x1234] [error] error while decoding MB 3 4". */
const ERROR_LINE = /^\[[\w-]+ @ 0x[0-9a-f]+\] \[(?:error|fatal|panic)\] (.*)$/;

export async function scanFrames(path: string, streamIndex: number, opts: { threads?: number } = {}): Promise<ScanResult> {
  const frames: ScannedFrame[] = [];
  const pendingErrors: string[] = [];
  const errorFrames: number[] = [];
  const errorMessages: string[] = [];
  const args = [
    '-nostdin', '-hide_banner', '-loglevel', 'level+info', '-debug_ts',
    '-threads', String(opts.threads ?? 0), '-copyts', '-i', path,
    '-map', `0:${streamIndex}`, '-an', '-sn', '-dn', '-vsync', '0', '-f', 'null', '-',
  ];
  const r = await runTool('ffmpeg', args, {
    onStderrLine: (line) => {
      const d = DECODER_LINE.exec(line);
      if (d) {
        if (pendingErrors.length) {
          errorFrames.push(frames.length);
          pendingErrors.length = 0;
        }
        frames.push({ pts: Number(d[1]), key: d[2] === '1' });
        return;
      }
      const e = ERROR_LINE.exec(line);
      if (e) {
        pendingErrors.push(e[1]!);
        if (errorMessages.length < 20) errorMessages.push(e[1]!);
      }
    },
  });
  if (pendingErrors.length && frames.length) errorFrames.push(frames.length - 1);
  if (r.code !== 0 && frames.length === 0) errorMessages.push('decoder produced no frames');
  return { frames, errorFrames, errorMessages };
}
