/**
 * Every request: its argument as a schema (the argument's type is inferred from it, and both
 * transports validate with it before use) and its response as a type (the backend's own output).
 */
import { engineSettingsSchema } from '../../core/engine-settings.ts';
import { s, type Infer, type Schema } from '../../core/schema.ts';
import type { Validator } from '../../core/validate.ts';
import { ValidationError } from '../../core/errors.ts';
import { classDefSchema, classMapSchema, ENGINE_MODES, EXPORT_FORMAT_NAMES, frameRateSchema, projectViewSchema } from './domain.ts';
import { MAX_CLASSES } from '../../core/class-list.ts';
import type { AppInfo, ModelInfo, ProjectState, RecentItem, RecentProject, VideoInfo } from './domain.ts';
import { importRequestSchema, type ImportPlanInfo } from './imports.ts';
import { frameDiffSchema, wireDiffBytes, type WireDiff, type WireHistory } from './wire.ts';

const projectId = s.id();
const trackId = s.id();
const frameIndex = s.int({ min: 0 });
const diff = frameDiffSchema;
/** Largest total of diff bytes in one edit request: the undo history's budget. */
export const MAX_EDIT_BYTES = 64 * 1024 * 1024;

/**
 * The undo step an edit.apply records in the project's history (history.log). `op` is the
 * client's id for the request: a retried request whose op is already recorded is not applied
 * again. 'do' adds a step (the request's diffs; label and at required); 'undo' / 'redo' move the
 * history's pointer (the request carries the diffs that do it).
 */
export const editStepSchema = s.refine(
  s.object({ op: s.string({ maxLength: 100 }), action: s.oneOf(['do', 'undo', 'redo'] as const), label: s.optional(s.string({ maxLength: 200 })), at: s.optional(s.int({ min: 0 })) }),
  (v, w) => {
    if (v.action === 'do' && (v.label === undefined || v.at === undefined)) throw new ValidationError(`${w}: a 'do' step needs label and at`);
    return v;
  },
);
export type EditStep = Infer<typeof editStepSchema>;

const editFrames = s.refine(s.array(s.object({ index: frameIndex, diff }), { maxLength: 1000 }), (frames, w) => {
  const total = frames.reduce((n, f) => n + wireDiffBytes(f.diff), 0);
  if (total > MAX_EDIT_BYTES) throw new ValidationError(`${w}: diffs total ${total} bytes, more than ${MAX_EDIT_BYTES}`);
  return frames;
});

export const requestSchemas = {
  'app.info': s.empty(),
  /** Native "open" dialog (desktop app only; the review host answers UNSUPPORTED). null = cancelled. */
  'app.openDialog': s.empty(),
  /** fps: the frame rate of a frames folder (default 30; refused for a video file). */
  'video.open': s.object({ path: s.path(), fps: s.optional(frameRateSchema) }),
  'video.close': s.object({ videoId: s.string({ maxLength: 64 }) }),
  'video.list': s.empty(),
  'recent.list': s.empty(),
  'recent.clear': s.empty(),
  /** Tells the backend where the playhead is so it can prefetch around it. */
  'video.playhead': s.object({ videoId: s.string({ maxLength: 64 }), index: frameIndex, direction: s.oneOf([1, -1, 0]) }),

  // --- projects (workspace)
  'project.create': s.object({ dir: s.path(), videoPath: s.path(), model: s.optional(s.path()) }),
  'project.open': s.object({ dir: s.path() }),
  /** Opens (or creates) the automatic project of a video: <VSS_HOME>/projects/<name>-<hash>. */
  'project.forVideo': s.object({ videoPath: s.path(), model: s.optional(s.path()), fps: s.optional(frameRateSchema) }),
  'project.close': s.object({ projectId }),
  'project.recent': s.empty(),
  'project.relocateVideo': s.object({ projectId, videoPath: s.path() }),
  /** View settings and playhead; autosaved. */
  'project.setView': s.object({ projectId, view: projectViewSchema, playhead: frameIndex }),
  /** Replaces the class list (rename, recolour, add, remove an unused class); checked by core/class-list.ts. */
  'project.setClasses': s.object({ projectId, classes: s.array(classDefSchema, { maxLength: MAX_CLASSES }) }),
  /** The frame rate of the project's frames folder (timecodes, playback, exports). */
  'project.setFrameRate': s.object({ projectId, fps: frameRateSchema }),
  /** How a track's model classes map onto the project's classes. */
  'track.setClassMap': s.object({ projectId, trackId, classMap: classMapSchema }),
  /** The saved undo history (WireHistory: steps with binary diffs), read once when a page opens the project. */
  'project.history': s.object({ projectId }),

  // --- models and engine runs
  'models.list': s.empty(),
  'engine.run': s.object({
    projectId,
    model: s.optional(s.path()),
    mode: s.oneOf(ENGINE_MODES),
    settings: engineSettingsSchema,
    name: s.optional(s.string({ maxLength: 200 })),
    overwriteLocked: s.optional(s.boolean()),
  }),
  'engine.cancel': s.object({ runId: s.id() }),
  'track.rename': s.object({ projectId, trackId, name: s.string({ maxLength: 200 }) }),
  'track.delete': s.object({ projectId, trackId }),

  // --- edits: the renderer applies edits to labels it fetched and sends the diffs here (binary: WireDiff)
  /** Applies diffs in order; `step` is the undo step it records (see editStepSchema). */
  'edit.apply': s.object({ projectId, trackId, frames: editFrames, step: s.optional(editStepSchema) }),
  /** Propagate a correction made on `index` along optical flow; nothing is applied. */
  'edit.propagatePreview': s.object({ projectId, trackId, index: frameIndex, diff, forward: s.int({ min: 0, max: 100 }), backward: s.int({ min: 0, max: 100 }) }),
  'frame.lock': s.object({ projectId, trackId, index: frameIndex, locked: s.boolean() }),

  // --- export
  'export.start': s.object({
    projectId,
    trackId,
    corrected: s.boolean(),
    format: s.oneOf(EXPORT_FORMAT_NAMES),
    out: s.path(),
    from: s.optional(frameIndex),
    to: s.optional(frameIndex),
    overwrite: s.optional(s.boolean()),
    /** One ZIP archive at out (".zip" added when missing) instead of a folder; not for "video". */
    zip: s.optional(s.boolean()),
  }),
  'export.cancel': s.object({ jobId: s.id() }),
  /** Shows a file or folder (an export's output) in the system file manager: desktop app only. */
  'app.showInFolder': s.object({ path: s.path() }),

  // --- import (contract/imports.ts)
  /** What an import would do (class mapping, frame matching); reads no pixels. */
  'import.plan': importRequestSchema,
  /** Starts an import; import.progress and import.done follow. */
  'import.start': importRequestSchema,
  'import.cancel': s.object({ jobId: s.id() }),
};

export type RequestName = keyof typeof requestSchemas;

/** What each request answers. */
export interface Responses {
  'app.info': AppInfo;
  'app.openDialog': { path: string | null };
  'video.open': VideoInfo;
  'video.close': { closed: boolean };
  'video.list': { videos: VideoInfo[] };
  'recent.list': { items: RecentItem[] };
  'recent.clear': { items: RecentItem[] };
  'video.playhead': { ok: true };
  'project.create': ProjectState;
  'project.open': ProjectState;
  'project.forVideo': ProjectState;
  'project.close': { closed: boolean };
  'project.recent': { items: RecentProject[] };
  'project.relocateVideo': ProjectState;
  'project.setView': { ok: true };
  'project.setClasses': ProjectState;
  'project.setFrameRate': ProjectState;
  'track.setClassMap': ProjectState;
  'project.history': { history: WireHistory };
  'models.list': { models: ModelInfo[] };
  'engine.run': { runId: string; trackId: string };
  'engine.cancel': { cancelled: boolean };
  'track.rename': { ok: true };
  'track.delete': { ok: true };
  'edit.apply': { corrections: number[] };
  'edit.propagatePreview': { frames: { index: number; diff: WireDiff; changed: number }[] };
  'frame.lock': { ok: true };
  'export.start': { jobId: string };
  'export.cancel': { cancelled: boolean };
  'app.showInFolder': { ok: true };
  'import.plan': ImportPlanInfo;
  'import.start': { jobId: string };
  'import.cancel': { cancelled: boolean };
}

export type Requests = { [K in RequestName]: { req: Infer<(typeof requestSchemas)[K]>; res: Responses[K] } };
export type Req<K extends RequestName> = Requests[K]['req'];
export type Res<K extends RequestName> = Requests[K]['res'];

/** Runtime validators for every request argument. Both transports call these before use. */
export const requestValidators = Object.fromEntries(
  Object.entries(requestSchemas).map(([name, schema]: [string, Schema<unknown>]) => [name, (v: unknown, where: string) => schema.parse(v, where)]),
) as { [K in RequestName]: Validator<Req<K>> };

export const REQUEST_NAMES = Object.keys(requestSchemas) as RequestName[];

export function isRequestName(v: unknown): v is RequestName {
  return typeof v === 'string' && Object.prototype.hasOwnProperty.call(requestSchemas, v);
}
