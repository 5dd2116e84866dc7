/**
 * Paint marks: a User Timing mark each time a canvas layer finishes drawing, named
 *   vss:frame-painted:<index>              the frame layer
 *   vss:layer-painted:<layer>:<index>      an overlay layer (layer = its test id, e.g. overlay-mask)
 *   vss:mask-painted:<version>             the edit mask (dirty rectangle or whole) after a brush step
 * scripts/bench/ui.ts observes them with a PerformanceObserver. The mark is cleared at once, so
 * the performance timeline does not grow (observers still receive it): no other side effect.
 */
export function markPainted(name: string): void {
  performance.mark(name);
  performance.clearMarks(name);
}
