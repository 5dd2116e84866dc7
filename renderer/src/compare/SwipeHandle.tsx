/** The swipe compare's split handle: drag it to move the split between the two tracks' masks. */
import type { PointerEvent } from 'react';
import { appStore, useApp } from '../store/index.ts';

export function SwipeHandle() {
  const swipe = useApp((s) => s.swipe);
  const move = (e: PointerEvent<HTMLDivElement>) => {
    const box = e.currentTarget.parentElement?.getBoundingClientRect();
    if (box && box.width > 0) appStore.getState().setSwipe((e.clientX - box.left) / box.width);
  };
  return (
    <div
      className="swipe-handle"
      data-testid="swipe-handle"
      style={{ left: `${swipe * 100}%` }}
      onPointerDown={(e) => {
        e.stopPropagation();
        e.currentTarget.setPointerCapture(e.pointerId);
      }}
      onPointerMove={(e) => {
        if (e.currentTarget.hasPointerCapture(e.pointerId)) {
          e.stopPropagation();
          move(e);
        }
      }}
    />
  );
}
