/** Video fingerprint (size + mtime + frame count) and the "has the video moved?" check. */
import { stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import type { VideoFingerprint, VideoRef } from './types.ts';

export async function fingerprintOf(path: string, frameCount: number | null = null): Promise<VideoFingerprint> {
  const s = await stat(path);
  return { size: s.size, mtimeMs: Math.round(s.mtimeMs), frameCount };
}

export function videoRef(projectDir: string, videoPath: string, fingerprint: VideoFingerprint): VideoRef {
  const abs = resolve(videoPath);
  return { path: abs, relativePath: relative(projectDir, abs).split('\\').join('/'), fingerprint };
}

/** Why `fp` (found on disk) is not the recorded video, or null when it matches. */
export function fingerprintMismatch(recorded: VideoFingerprint, fp: VideoFingerprint): string | null {
  if (recorded.size !== fp.size) return `size ${fp.size} bytes, expected ${recorded.size}`;
  if (recorded.frameCount !== null && fp.frameCount !== null && recorded.frameCount !== fp.frameCount) {
    return `${fp.frameCount} frames, expected ${recorded.frameCount}`;
  }
  return null;
}

export interface VideoCheck {
  /** Path where the matching video was found, or null. */
  found: string | null;
  missing: boolean;
  /** One-line explanation when missing (for the UI's relocate prompt). */
  problem: string | null;
  /** Non-fatal note, e.g. the file was found next to the project or its mtime changed. */
  note: string | null;
}

/** Looks for the video at its absolute path, then relative to the project folder. */
export async function checkVideo(projectDir: string, ref: VideoRef): Promise<VideoCheck> {
  const candidates = [ref.path];
  if (!isAbsolute(ref.relativePath)) candidates.push(resolve(projectDir, ref.relativePath));
  let mismatch: string | null = null;
  for (const p of candidates) {
    let fp: VideoFingerprint;
    try {
      fp = await fingerprintOf(p, null);
    } catch {
      continue;
    }
    const why = fingerprintMismatch(ref.fingerprint, fp);
    if (why) {
      mismatch ??= `the file at ${p} is not the project's video (${why})`;
      continue;
    }
    const notes: string[] = [];
    if (p !== ref.path) notes.push(`video found next to the project at ${p}`);
    if (fp.mtimeMs !== ref.fingerprint.mtimeMs) notes.push('video modification time changed');
    return { found: p, missing: false, problem: null, note: notes.length ? notes.join('; ') : null };
  }
  return {
    found: null,
    missing: true,
    problem: mismatch ?? `video not found at ${ref.path} (moved or deleted): choose its new location`,
    note: null,
  };
}
