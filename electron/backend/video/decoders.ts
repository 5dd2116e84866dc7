/** Which codecs the bundled ffmpeg can decode (`ffmpeg -decoders`, asked once per process). */
import { runTool } from './run-tool.ts';

let cached: Promise<Set<string>> | undefined;

export function ffmpegDecoders(): Promise<Set<string>> {
  cached ??= runTool('ffmpeg', ['-hide_banner', '-decoders']).then((r) => {
    const names = new Set<string>();
    for (const line of r.stdout.split('\n')) {
      const m = /^\s*V[.A-Z]{5}\s+(\S+)/.exec(line);
      if (m) names.add(m[1]!);
    }
    return names;
  });
  return cached;
}

/** Decoder names that handle a codec id when the decoder is named differently (libavcodec 58). */
const ALIASES: Record<string, string[]> = {
  av1: ['libaom-av1', 'libdav1d'],
  vp8: ['vp8', 'libvpx'],
  vp9: ['vp9', 'libvpx-vp9'],
};

export async function canDecode(codec: string): Promise<boolean> {
  const set = await ffmpegDecoders();
  return set.has(codec) || (ALIASES[codec] ?? []).some((n) => set.has(n));
}
