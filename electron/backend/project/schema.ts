/** Validates a parsed project.json, with one-line messages naming the field. */
import { ValidationError } from '../../core/errors.ts';
import { expectArray, expectBoolean, expectInt, expectNumber, expectObject, expectOneOf, expectString } from '../../core/validate.ts';
import { MAX_CLASS_NAME } from '../../core/class-list.ts';
import { expectFrameRate } from '../../core/frame-rate.ts';
import { DEFAULT_VIEW, PROJECT_FORMAT, PROJECT_VERSION, type ClassInfo, type ProjectFile, type Track, type ViewSettings } from './types.ts';

export function parseClass(v: unknown, w: string): ClassInfo {
  const o = expectObject(v, w);
  const color = expectArray(o.color, `${w}.color`, (c, cw) => expectInt(c, cw, { min: 0, max: 255 }));
  if (color.length !== 3) throw new ValidationError(`${w}.color must be [r, g, b]`);
  return { id: expectInt(o.id, `${w}.id`, { min: 0, max: 255 }), name: expectString(o.name, `${w}.name`, { maxLength: MAX_CLASS_NAME }), color: [color[0]!, color[1]!, color[2]!] };
}

function parseTrack(v: unknown, w: string): Track {
  const o = expectObject(v, w);
  return {
    id: expectString(o.id, `${w}.id`, { maxLength: 100 }),
    name: expectString(o.name, `${w}.name`, { maxLength: 200 }),
    kind: expectOneOf(o.kind, ['engine', 'corrected'] as const, `${w}.kind`),
    source: expectString(o.source, `${w}.source`, { minLength: 0, maxLength: 4096 }),
    mode: expectString(o.mode, `${w}.mode`, { maxLength: 100 }),
    settings: o.settings === undefined ? {} : expectObject(o.settings, `${w}.settings`),
    keyFrames: expectArray(o.keyFrames ?? [], `${w}.keyFrames`, (x, xw) => expectInt(x, xw, { min: 0 })),
    createdAt: expectString(o.createdAt, `${w}.createdAt`),
    ...(o.modelClasses === undefined ? {} : { modelClasses: expectArray(o.modelClasses, `${w}.modelClasses`, parseClass, { maxLength: 256 }) }),
    ...(o.classMap === undefined ? {} : { classMap: parseClassMap(o.classMap, `${w}.classMap`) }),
  };
}

function parseClassMap(v: unknown, w: string): Record<string, number> {
  const o = expectObject(v, w);
  const out: Record<string, number> = {};
  for (const [k, to] of Object.entries(o)) {
    if (!/^\d{1,3}$/.test(k) || Number(k) > 255) throw new ValidationError(`${w} has a key "${k}" that is not a class id`);
    out[k] = expectInt(to, `${w}.${k}`, { min: 0, max: 255 });
  }
  return out;
}

function parseView(v: unknown, w: string): ViewSettings {
  if (v === undefined) return structuredClone(DEFAULT_VIEW);
  const o = expectObject(v, w);
  const ov = expectObject(o.overlay ?? {}, `${w}.overlay`);
  return {
    overlay: {
      labels: ov.labels === undefined ? true : expectBoolean(ov.labels, `${w}.overlay.labels`),
      confidence: ov.confidence === undefined ? false : expectBoolean(ov.confidence, `${w}.overlay.confidence`),
      flicker: ov.flicker === undefined ? false : expectBoolean(ov.flicker, `${w}.overlay.flicker`),
    },
    opacity: expectNumber(o.opacity ?? DEFAULT_VIEW.opacity, `${w}.opacity`, { min: 0, max: 1 }),
    hiddenClasses: expectArray(o.hiddenClasses ?? [], `${w}.hiddenClasses`, (x, xw) => expectInt(x, xw, { min: 0, max: 255 })),
    zoom: expectNumber(o.zoom ?? 1, `${w}.zoom`, { min: 0.01, max: 100 }),
  };
}

function stemMap(v: unknown, w: string): Record<string, string[]> {
  const o = expectObject(v ?? {}, w);
  const out: Record<string, string[]> = {};
  for (const [k, list] of Object.entries(o)) out[k] = expectArray(list, `${w}.${k}`, (s, sw) => expectStem(s, sw));
  return out;
}

/** A frame stem: a file name without extension, no separators or dot-only names. */
export function expectStem(v: unknown, w: string): string {
  const s = expectString(v, w, { maxLength: 255 });
  if (/[\\/]/.test(s) || s === '.' || s === '..') throw new ValidationError(`${w} is not a valid frame name`);
  return s;
}

export function parseProjectFile(v: unknown): ProjectFile {
  const o = expectObject(v, 'project.json');
  if (o.format !== PROJECT_FORMAT) throw new ValidationError('project.json is not a VSS Studio project (format field)');
  const version = expectInt(o.version, 'project.json.version', { min: 1 });
  if (version > PROJECT_VERSION) throw new ValidationError(`project.json version ${version} is newer than this app supports (${PROJECT_VERSION})`);
  const video = expectObject(o.video, 'video');
  const fp = expectObject(video.fingerprint, 'video.fingerprint');
  return {
    format: PROJECT_FORMAT,
    version,
    createdAt: expectString(o.createdAt, 'createdAt'),
    updatedAt: expectString(o.updatedAt, 'updatedAt'),
    video: {
      path: expectString(video.path, 'video.path', { maxLength: 4096 }),
      relativePath: expectString(video.relativePath, 'video.relativePath', { maxLength: 4096 }),
      fingerprint: {
        size: expectInt(fp.size, 'video.fingerprint.size', { min: 0 }),
        mtimeMs: expectNumber(fp.mtimeMs, 'video.fingerprint.mtimeMs'),
        frameCount: fp.frameCount === null || fp.frameCount === undefined ? null : expectInt(fp.frameCount, 'video.fingerprint.frameCount', { min: 0 }),
      },
      ...(video.fps === undefined ? {} : { fps: expectFrameRate(video.fps, 'video.fps') }),
    },
    classes: expectArray(o.classes, 'classes', parseClass, { maxLength: 256 }),
    ignoreIndex: expectInt(o.ignoreIndex ?? 255, 'ignoreIndex', { min: 0, max: 255 }),
    tracks: expectArray(o.tracks ?? [], 'tracks', parseTrack),
    view: parseView(o.view, 'view'),
    playhead: expectInt(o.playhead ?? 0, 'playhead', { min: 0 }),
    lockedFrames: stemMap(o.lockedFrames, 'lockedFrames'),
    corrections: stemMap(o.corrections, 'corrections'),
  };
}
