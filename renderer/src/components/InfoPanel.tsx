import type { ReactNode } from 'react';
import { useApp } from '../store/index.ts';
import { FrameRateField } from './FrameRateField.tsx';

function Row({ label, value }: { label: string; value: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  );
}

/** Facts about the open source: resolution, frame rate (set here for a frames folder), codec, VFR, frame count, problems. */
export function InfoPanel() {
  const video = useApp((s) => s.video);
  const inProject = useApp((s) => s.project !== null && s.project.videoPath === s.video?.path);
  if (!video) return <div className="info-panel muted" data-testid="info-panel">No video open</div>;
  const name = video.path.split(/[\\/]/).pop() ?? video.path;
  return (
    <div className="info-panel" data-testid="info-panel">
      <h4 title={video.path}>{name}</h4>
      <dl>
        <Row label="Resolution" value={`${video.width} × ${video.height}`} />
        <Row label="Frame rate" value={video.kind === 'frames' && inProject ? <FrameRateField fps={video.fps} /> : `${video.fps.toFixed(3).replace(/\.?0+$/, '')} fps`} />
        <Row label="Codec" value={video.kind === 'frames' ? 'image frames' : video.codec} />
        <Row label="VFR" value={video.variableFrameRate ? 'yes (variable)' : 'no'} />
        <Row label="Frames" value={String(video.frameCount)} />
        <Row label="Duration" value={`${video.durationSec.toFixed(3)} s`} />
        {video.rotation !== 0 && <Row label="Rotation" value={`${video.rotation}°`} />}
        {video.badFrames.length > 0 && <Row label="Bad frames" value={String(video.badFrames.length)} />}
      </dl>
      {video.warnings.length > 0 && (
        <ul className="warnings">
          {video.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
