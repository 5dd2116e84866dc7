/** Exports of a project track: label/colour PNGs, Cityscapes, CVAT masks, COCO RLE, overlay video. */
export { exportTrack } from './run-export.ts';
export { EXPORT_FORMATS, type ExportFormat, type ExportOptions, type ExportProgress, type ExportResult, type FrameSource, type RgbaFrame } from './types.ts';
export { resolveExportTrack, frameRange } from './resolve-track.ts';
export { encodeRle, decodeRle, countsToString, stringToCounts, maskBbox, type CocoRle } from './coco-rle.ts';
export { cityscapesLabelFor, CITYSCAPES_LABELS } from './cityscapes-map.ts';
