/**
 * Overlay video: <out>/overlay.mp4, H.264 (libx264, yuv420p) from the bundled ffmpeg. Each frame
 * is the video frame (from the frame source) blended with the label colours; raw RGBA is piped
 * to ffmpeg's stdin with back-pressure (we wait for 'drain'). Odd sizes are padded to even.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { VssError } from '../../core/errors.ts';
import { toolPath } from '../video/ffmpeg-paths.ts';
import { lastErrorLine } from '../video/run-tool.ts';
import { blendLabels } from './blend.ts';
import type { ExportJob } from './types.ts';

export async function writeOverlayVideo(job: ExportJob): Promise<string[]> {
  const source = job.options.frames;
  if (!source) throw new VssError('BAD_REQUEST', 'the video export needs the project video (frame source)');
  const fps = job.options.fps ?? 30;
  if (!(fps > 0 && fps <= 240)) throw new VssError('BAD_REQUEST', `fps must be in (0, 240], got ${fps}`);
  const first = await source(job.frames[0]!.videoFrame);
  const { width, height } = first;
  const out = join(job.dir, 'overlay.mp4');
  const args = ['-hide_banner', '-loglevel', 'error', '-f', 'rawvideo', '-pix_fmt', 'rgba', '-s', `${width}x${height}`, '-r', String(fps), '-i', 'pipe:0',
    '-vf', 'pad=ceil(iw/2)*2:ceil(ih/2)*2', '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '18', '-pix_fmt', 'yuv420p', '-movflags', '+faststart', '-y', out];
  const child = spawn(toolPath('ffmpeg'), args, { stdio: ['pipe', 'ignore', 'pipe'], windowsHide: true });
  let stderr = '';
  child.stderr.on('data', (b: Buffer) => (stderr = (stderr + b.toString()).slice(-4000)));
  const exited = new Promise<number>((resolve, reject) => {
    child.on('error', (e) => reject(new VssError('INTERNAL', `could not run ffmpeg: ${e.message}`)));
    child.on('close', (code) => resolve(code ?? 1));
  });
  exited.catch(() => undefined);
  let broken = false;
  child.stdin.on('error', () => (broken = true));
  const onAbort = () => child.kill('SIGKILL');
  job.options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const buf = new Uint8Array(width * height * 4);
    for (let i = 0; i < job.frames.length; i++) {
      const f = job.frames[i]!;
      const frame = i === 0 ? first : await source(f.videoFrame);
      if (frame.width !== width || frame.height !== height) throw new VssError('CORRUPT', `frame ${f.index} is ${frame.width}x${frame.height}, expected ${width}x${height}`);
      const rgba = blendLabels(frame.rgba, width, height, await job.labels(f.stem), job.classes, job.ignoreIndex, job.options.opacity ?? 0.5, buf);
      if (broken) break;
      if (!child.stdin.write(Buffer.from(rgba))) await Promise.race([once(child.stdin, 'drain'), exited]);
      job.tick();
    }
    child.stdin.end();
    const code = await exited;
    if (code !== 0) throw new VssError('INTERNAL', `ffmpeg failed to encode the overlay video: ${lastErrorLine(stderr) || `exit code ${code}`}`);
  } catch (e) {
    child.kill('SIGKILL');
    // Gone before the caller deletes the staging folder it was writing into.
    await exited.catch(() => undefined);
    throw e;
  } finally {
    job.options.signal?.removeEventListener('abort', onAbort);
  }
  return ['overlay.mp4'];
}
