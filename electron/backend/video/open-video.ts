/** Opens a video file: probe, packet index, verification pass, VideoInfo. */
import { stat } from 'node:fs/promises';
import { VssError } from '../../core/errors.ts';
import { canDecode } from './decoders.ts';
import { buildIndex, framesFromPackets } from './frame-index.ts';
import { listPackets } from './packets.ts';
import { probeStream } from './probe-stream.ts';
import { scanFrames, type ScanResult } from './scan-frames.ts';
import type { VerifyMode, VideoFileSource } from './source.ts';
import { describeRanges, timingOf } from './timing.ts';

export async function openVideoFile(path: string, verify: VerifyMode = 'full'): Promise<VideoFileSource> {
  const st = await stat(path);
  if (st.size === 0) throw new VssError('CORRUPT', `file is empty (0 bytes): ${path}`);
  const probe = await probeStream(path);
  if (!(await canDecode(probe.codec))) {
    throw new VssError('UNSUPPORTED', `unsupported video codec "${probe.codec}" (the bundled ffmpeg cannot decode it): ${path}`);
  }
  const [packets, scan] = await Promise.all([
    listPackets(path, probe.streamIndex),
    verify === 'full' ? scanFrames(path, probe.streamIndex) : Promise.resolve<ScanResult | null>(null),
  ]);
  let result = scan;
  if (result && result.errorMessages.length > 0) {
    // Errors were seen: decode once more single-threaded so each error lands on the right frame.
    result = await scanFrames(path, probe.streamIndex, { threads: 1 });
  }
  const frames = result ? result.frames : framesFromPackets(packets);
  if (frames.length === 0) {
    const why = result?.errorMessages[0];
    throw new VssError('CORRUPT', `no decodable video frames${why ? ` (${why})` : ''}: ${path}`);
  }
  const index = buildIndex(frames, packets, { timeBase: probe.timeBase, formatName: probe.formatName, videoDelay: probe.videoDelay });
  const timing = timingOf(index.pts, probe.timeBase, probe.nominalFps);

  const warnings: string[] = [];
  const bad = new Set<number>(result?.errorFrames ?? []);
  const livePackets = packets.filter((p) => !p.discard);
  livePackets.forEach((p) => {
    if (!p.corrupt || p.pts === null) return;
    const i = index.pts.indexOf(p.pts);
    if (i >= 0) bad.add(i);
  });
  const badFrames = [...bad].sort((a, b) => a - b);
  if (badFrames.length) {
    warnings.push(`damaged video: frame${badFrames.length > 1 ? 's' : ''} ${describeRanges(badFrames)} decoded with errors`);
  }
  const missing = livePackets.length - frames.length;
  if (result && missing > 0) {
    warnings.push(`damaged video: ${missing} of ${livePackets.length} packets could not be decoded into frames (skipped)`);
  }
  const swap = probe.rotation === 90 || probe.rotation === 270;
  return {
    kind: 'video',
    probe,
    index,
    packets,
    verified: result !== null,
    info: {
      path,
      kind: 'video',
      width: swap ? probe.height : probe.width,
      height: swap ? probe.width : probe.height,
      fps: timing.fps,
      frameCount: frames.length,
      codec: probe.codec,
      durationSec: timing.durationSec,
      variableFrameRate: timing.variable,
      rotation: probe.rotation,
      timestamps: timing.timestamps,
      frameNames: [],
      warnings,
      badFrames,
    },
  };
}
