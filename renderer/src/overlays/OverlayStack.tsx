/**
 * The overlay layers above the frame layer, in order: mask (or the swipe pair), confidence, flow
 * colours, track diff, flicker, flow arrows. Each layer recomputes only when its own key changes
 * (frame, track, settings) and redraws only on its image or the view changing.
 */
import { useEffect } from 'react';
import { useShallow } from 'zustand/shallow';
import { useApp } from '../store/index.ts';
import { currentView } from '../store/view-slice.ts';
import { editMaskShown } from '../store/edit-slice.ts';
import { ArrowsCanvas } from './ArrowsCanvas.tsx';
import { HoverProbe } from './HoverProbe.tsx';
import { labelsRevision, loadLabels } from '../client/resources.ts';
import { confidenceImage, diffImage, flickerImage, flowImage, maskImage } from './layers.ts';
import { labelsKey, maskStyleKey, useCompareTrack, useMainTrack, useMaskStyle, type TrackRef } from './overlay-inputs.ts';
import { RasterCanvas } from './RasterCanvas.tsx';
import { useRaster } from './use-raster.ts';
import { useSettled } from './use-settled.ts';
import { SideBySide } from '../compare/SideBySide.tsx';
import { SwipeHandle } from '../compare/SwipeHandle.tsx';

function useMask(t: TrackRef | null, on: boolean) {
  const index = useApp((s) => s.index);
  const style = useMaskStyle();
  const { classes, hidden, opacity, ignore } = style;
  const k = on && t ? labelsKey(t, index, labelsRevision(t.projectId, t.trackId)) : null;
  const playing = useApp((s) => s.playing);
  const count = useApp((s) => s.video?.frameCount ?? 0);
  useEffect(() => {
    // While playing, fetch the next frames' labels ahead (they land in the label cache).
    if (!k || !t || !playing) return;
    for (let d = 1; d <= 4; d++) if (index + d < Math.min(count, t.framesDone)) void loadLabels('labels', t.projectId, t.trackId, index + d).catch(() => undefined);
  }, [k, playing]); // k covers the track and the frame
  return useRaster(k && `${k}/${maskStyleKey(style)}`, (reuse) => maskImage(t!, index, classes, hidden, opacity, ignore, reuse));
}

export function OverlayStack() {
  // Re-render when saved labels leave the label cache (the keys below then carry new revisions).
  useApp((s) => s.labelsSaved);
  const overlays = useApp(useShallow((s) => s.project?.view.overlays ?? null));
  const compareMode = useApp((s) => s.project?.view.compareMode ?? 'off');
  const ignore = useApp((s) => s.project?.ignoreIndex ?? 255);
  const videoId = useApp((s) => s.video?.id ?? null);
  const frameCount = useApp((s) => s.video?.frameCount ?? 0);
  const frameSize = useApp(useShallow((s) => ({ width: s.video?.width ?? 0, height: s.video?.height ?? 0 })));
  const index = useApp((s) => s.index);
  const view = useApp(useShallow((s) => currentView(s)));
  const viewport = useApp(useShallow((s) => s.viewport));
  const swipe = useApp((s) => s.swipe);
  const main = useMainTrack();
  const other = useCompareTrack();
  const swiping = compareMode === 'swipe' && other !== null;
  const diffOn = (overlays?.diff || compareMode === 'diff') && other !== null;

  // While the edit layer shows this frame's mask, the overlay mask would double its opacity.
  const editing = useApp(editMaskShown);
  const mask = useMask(main, ((overlays?.mask ?? false) && !editing) || swiping);
  const mask2 = useMask(other, swiping);
  const conf = useRaster(overlays?.confidence && main ? labelsKey(main, index, 0) : null, (r) => confidenceImage(main!, index, r));
  const slow = useSettled(index, 120);
  const flow = useRaster(overlays?.flow && videoId && slow < frameCount - 1 ? `${videoId}/${slow}` : null, (r) => flowImage(videoId!, slow, r));
  const dk = diffOn && main && other ? labelsKey(main, index, labelsRevision(main.projectId, main.trackId)) : null;
  const diff = useRaster(dk && `${dk}/${other!.trackId}/${labelsRevision(other!.projectId, other!.trackId)}`, (r) => diffImage(main!, other!, index, ignore, r));
  const fk = overlays?.flicker && main && videoId ? labelsKey(main, slow, labelsRevision(main.projectId, main.trackId)) : null;
  const flicker = useRaster(fk && slow > 0 ? fk : null, (r) => flickerImage(main!, videoId!, slow, ignore, r));

  if (!overlays) return null;
  return (
    <>
      <RasterCanvas testId="overlay-mask" image={mask} view={view} viewport={viewport} {...(swiping ? { clip: { side: 'left' as const, split: swipe } } : {})} />
      {swiping && <RasterCanvas testId="overlay-mask-compare" image={mask2} view={view} viewport={viewport} clip={{ side: 'right', split: swipe }} />}
      {overlays.confidence && <RasterCanvas testId="overlay-confidence" image={conf} view={view} viewport={viewport} />}
      {overlays.flow && <RasterCanvas testId="overlay-flow" image={flow} view={view} viewport={viewport} smooth />}
      {diffOn && <RasterCanvas testId="overlay-diff" image={diff} view={view} viewport={viewport} />}
      {overlays.flicker && <RasterCanvas testId="overlay-flicker" image={flicker} view={view} viewport={viewport} />}
      {overlays.flowArrows && videoId && <ArrowsCanvas videoId={videoId} index={slow} frameCount={frameCount} frameSize={frameSize} view={view} viewport={viewport} />}
      {swiping && <SwipeHandle />}
      {compareMode === 'side-by-side' && main && other && <SideBySide main={main} other={other} />}
      <HoverProbe main={main} />
    </>
  );
}
