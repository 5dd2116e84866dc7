import type { VideoInfo } from '../../shared/contract.ts';

/** One decoded frame in display orientation. */
export interface DecodedFrame {
  index: number;
  width: number;
  height: number;
  /** Presentation time in seconds from the first frame. */
  pts: number;
  /** RGBA bytes, width*height*4. */
  rgba: Uint8Array;
}

/**
 * The video service shared by the CLI, the review host and the Electron main process.
 * Implemented in electron/backend/video/service.ts. No electron import anywhere below backend/.
 */
export interface VideoService {
  /**
   * Probes and opens a video file or a folder of frames. Throws VssError (one-line message).
   * fps: the frame rate of a frames folder (default 30; an open folder is re-timed); refused for a
   * video file, which has its own.
   */
  open(path: string, opts?: { fps?: number }): Promise<VideoInfo>;
  get(videoId: string): VideoInfo | undefined;
  list(): VideoInfo[];
  /** Exact frame `index` (0-based, presentation order). Throws VssError OUT_OF_RANGE etc. */
  frame(videoId: string, index: number): Promise<DecodedFrame>;
  /** Playhead hint for sequential prefetch. */
  playhead(videoId: string, index: number, direction: 1 | -1 | 0): void;
  close(videoId: string): Promise<boolean>;
  dispose(): Promise<void>;
}
