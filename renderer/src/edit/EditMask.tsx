/**
 * The mask of the frame being edited: its labels repainted and composited by dirty rectangle, with
 * the propagation preview highlighted; the labels are fetched for editing when it is shown.
 */
import { useEffect, useRef } from 'react';
import { useShallow } from 'zustand/shallow';
import { forEachDiffPixel } from '../../../electron/core/edit/index.ts';
import { classPalette } from '../../../electron/core/palette.ts';
import { appStore, useApp } from '../store/index.ts';
import { currentTrackId } from '../store/project-slice.ts';
import { editMaskShown } from '../store/edit-slice.ts';
import { currentView } from '../store/view-slice.ts';
import { markPainted } from '../viewer/paint-marks.ts';
import { editing } from './editing.ts';
import { PREVIEW_RGBA } from './label-paint.ts';
import { MaskCanvas } from './mask-canvas.ts';

export function EditMask() {
  const maskRef = useRef<HTMLCanvasElement>(null);
  const mask = useRef(new MaskCanvas());
  const index = useApp((s) => s.index);
  const trackId = useApp((s) => currentTrackId(s.project));
  const projectId = useApp((s) => s.project?.id ?? null);
  const viewport = useApp(useShallow((s) => s.viewport));
  const view = useApp(useShallow((s) => currentView(s)));
  const opacity = useApp((s) => s.project?.view.opacity ?? 0.5);
  const classes = useApp(useShallow((s) => s.project?.classes ?? []));
  const hidden = useApp(useShallow((s) => s.project?.view.hiddenClasses ?? []));
  const ignoreIndex = useApp((s) => s.project?.ignoreIndex ?? 255);
  const version = useApp((s) => s.labelsVersion);
  const previewHere = useApp((s) => (s.preview?.frames.some((f) => f.index === s.index) ? s.preview : null));
  const visible = useApp(editMaskShown);
  const drawn = useRef<{ key: string; version: number }>({ key: '', version: -1 });

  useEffect(() => {
    if (visible && projectId && trackId) void editing.ensureLabels(index);
  }, [visible, projectId, trackId, index]);

  // Repaint by dirty rectangle when only the labels changed, else everything.
  useEffect(() => {
    const c = maskRef.current;
    const ctx = c?.getContext('2d');
    const s = appStore.getState();
    if (!c || !ctx) return;
    if (c.width !== viewport.width) c.width = viewport.width;
    if (c.height !== viewport.height) c.height = viewport.height;
    const labels = editing.session()?.labelsOf(index);
    if (!visible || !labels || !s.video) {
      ctx.clearRect(0, 0, c.width, c.height);
      drawn.current = { key: '', version: -1 };
      return;
    }
    const key = JSON.stringify([index, trackId, view, viewport, opacity, classes, hidden, previewHere]);
    const rect = drawn.current.key === key && s.editFrame === index ? s.labelsDirty : null;
    const palette = classPalette(classes, { ignoreIndex, hidden });
    const d = previewHere ? editing.previewDiff(index) : undefined;
    const highlight = d ? (rgba: Uint8ClampedArray) => forEachDiffPixel(d, (off) => rgba.set(PREVIEW_RGBA, off * 4)) : undefined;
    if (!mask.current.update(labels, palette, rect, highlight)) return;
    mask.current.draw(ctx, view, s.video, opacity, rect);
    markPainted(`vss:mask-painted:${version}`);
    editing.drawn();
    drawn.current = { key, version };
  }, [visible, index, trackId, view, viewport, opacity, classes, hidden, ignoreIndex, version, previewHere]);

  return <canvas ref={maskRef} className="layer edit-mask" data-testid="edit-mask" data-frame={index} data-version={version} />;
}
