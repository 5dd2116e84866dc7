/** An in-memory VideoService for host and API tests: one 4x2 clip of `frames` frames. */
import { VssError } from '../../core/errors.ts';
import type { VideoInfo } from '../../shared/contract.ts';
import type { DecodedFrame, VideoService } from '../video/types.ts';

export function fakeVideoService(frames = 5): VideoService & { playheads: number[] } {
  const open = new Map<string, VideoInfo>();
  const playheads: number[] = [];
  return {
    playheads,
    async open(path) {
      if (!path.endsWith('.mp4')) throw new VssError('UNSUPPORTED', `not a video: ${path}`);
      const info: VideoInfo = {
        id: `v${open.size + 1}`,
        path,
        kind: 'video',
        width: 4,
        height: 2,
        fps: 25,
        frameCount: frames,
        codec: 'h264',
        durationSec: frames / 25,
        variableFrameRate: false,
        rotation: 0,
        timestamps: Array.from({ length: frames }, (_, i) => i / 25),
        frameNames: [],
        warnings: [],
        badFrames: [],
      };
      open.set(info.id, info);
      return info;
    },
    get: (id) => open.get(id),
    list: () => [...open.values()],
    async frame(id, index): Promise<DecodedFrame> {
      const info = open.get(id);
      if (!info) throw new VssError('NOT_FOUND', 'no such video');
      return { index, width: 4, height: 2, pts: index / 25, rgba: new Uint8Array(32).fill(index) };
    },
    playhead: (_id, index) => void playheads.push(index),
    close: async (id) => open.delete(id),
    dispose: async () => open.clear(),
  };
}
