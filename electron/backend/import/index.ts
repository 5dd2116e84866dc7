/** Importing labels from other tools: label-id PNGs, CVAT masks 1.1, COCO, Cityscapes. */
export { IMPORT_FORMATS, type ImportFormat } from './types.ts';
export { planImport, runImport, type ImportOptions, type ImportPlan, type ImportResult, type ImportMode, type ImportTarget } from './run-import.ts';
export type { ClassMatch } from './class-map.ts';
