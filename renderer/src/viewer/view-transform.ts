/** Image-to-canvas transforms (pure): canvas = image * scale + (x, y), all in canvas pixels. */
export interface ViewTransform {
  scale: number;
  x: number;
  y: number;
}
export interface Size {
  width: number;
  height: number;
}

export const MIN_SCALE = 1 / 32;
export const MAX_SCALE = 64;

export function fitView(image: Size, viewport: Size): ViewTransform {
  if (image.width <= 0 || image.height <= 0 || viewport.width <= 0 || viewport.height <= 0) return { scale: 1, x: 0, y: 0 };
  const scale = Math.min(viewport.width / image.width, viewport.height / image.height);
  return { scale, x: (viewport.width - image.width * scale) / 2, y: (viewport.height - image.height * scale) / 2 };
}

/** 1:1 centred on whole pixels, so every image pixel lands on exactly one canvas pixel. */
export function oneToOneView(image: Size, viewport: Size): ViewTransform {
  return { scale: 1, x: Math.round((viewport.width - image.width) / 2), y: Math.round((viewport.height - image.height) / 2) };
}

/** Zooms by `factor` keeping the image point under (cx, cy) fixed. */
export function zoomAbout(v: ViewTransform, cx: number, cy: number, factor: number): ViewTransform {
  const scale = Math.min(MAX_SCALE, Math.max(MIN_SCALE, v.scale * factor));
  const k = scale / v.scale;
  return { scale, x: cx - (cx - v.x) * k, y: cy - (cy - v.y) * k };
}

export function panView(v: ViewTransform, dx: number, dy: number): ViewTransform {
  return { scale: v.scale, x: v.x + dx, y: v.y + dy };
}

/** The image pixel under a canvas point. */
export function canvasToImage(v: ViewTransform, cx: number, cy: number): { x: number; y: number } {
  return { x: (cx - v.x) / v.scale, y: (cy - v.y) / v.scale };
}
