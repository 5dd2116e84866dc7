/** What open() learns about a source, before it gets an id. */
import type { VideoInfo } from '../../shared/contract.ts';
import type { FrameIndex } from './frame-index.ts';
import type { Packet } from './packets.ts';
import type { StreamProbe } from './probe-stream.ts';

export type SourceInfo = Omit<VideoInfo, 'id'>;

export interface VideoFileSource {
  kind: 'video';
  info: SourceInfo;
  probe: StreamProbe;
  index: FrameIndex;
  /** The stream's packets in decode order (positions used by the packet feed). */
  packets?: Packet[];
  /** The index comes from the verification decode (decoder output order), not from packets alone. */
  verified?: boolean;
}

export interface FramesFolderSource {
  kind: 'frames';
  info: SourceInfo;
  /** Absolute file paths in natural order. */
  files: string[];
}

export type OpenedSource = VideoFileSource | FramesFolderSource;

/**
 * How open() checks a video file:
 *  - 'full' (default): one decode-only pass (`-f null`, no pixel conversion) gives the exact
 *    count of decodable frames and finds damaged ones; costs one decode of the file.
 *  - 'packets': trust the packet listing (demux only); fast, but damage inside the
 *    compressed data goes unnoticed and frameCount is the packet count.
 */
export type VerifyMode = 'full' | 'packets';
