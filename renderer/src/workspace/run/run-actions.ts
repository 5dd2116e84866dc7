/**
 * Engine runs from the UI: list models, start a run on the current project (its new track becomes
 * the main track and the mask shows while frames arrive), cancel, and follow engine.progress /
 * engine.done into the run slice and the project's tracks.
 */
import type { TrackInfo } from '../../../../electron/shared/contract.ts';
import { checkSetting, defaultTrackName, settingDef, settingsForMode, SETTING_KEYS, type SettingKey } from '../../../../electron/core/engine-settings.ts';
import { mergeRunFrames } from '../../../../electron/shared/run-frames.ts';
import { client } from '../../client/bridge.ts';
import { appStore } from '../../store/index.ts';

const state = () => appStore.getState();
const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export async function loadModels(): Promise<void> {
  try {
    const { models } = await client.call('models.list', {});
    state().setModels(models);
    if (state().runForm.model === null) {
      const pick = models.find((m) => m.isDefault) ?? models[0];
      if (pick) state().setRunForm({ model: pick.name });
    }
  } catch (e) {
    state().notify('error', `Cannot list models: ${message(e)}`);
  }
}

/** The table's one-line message for a bad setting value, or null (named by the run panel's label). */
export function settingProblem(key: SettingKey, value: unknown): string | null {
  if (value === undefined) return null;
  try {
    checkSetting(key, value, settingDef(key).label);
    return null;
  } catch (e) {
    return message(e);
  }
}

function placeholder(id: string, name: string, mode: string): TrackInfo {
  return { id, name, kind: 'engine', mode, status: 'running', framesDone: 0, keyFrames: [], tc: [], tcMean: null, settings: {}, createdAt: new Date().toISOString(), modelClasses: null, classMap: {} };
}

export async function startRun(): Promise<void> {
  const s = state();
  const p = s.project;
  if (!p || !p.video) {
    s.notify('warning', 'Open a video first');
    return;
  }
  const { model, mode, settings } = s.runForm;
  const sent = settingsForMode(mode, settings);
  const problem = SETTING_KEYS.map((k) => settingProblem(k, sent[k])).find((p) => p !== null);
  if (problem) {
    s.notify('error', `Cannot start the run: ${problem}`);
    return;
  }
  try {
    const { runId, trackId } = await client.call('engine.run', { projectId: p.id, mode, settings: sent, ...(model ? { model } : {}) });
    s.setActiveRun({ runId, projectId: p.id, trackId, progress: { done: 0, total: p.video.frameCount, fps: 0, etaSec: 0 } });
    if (!state().project?.tracks.some((t) => t.id === trackId)) s.upsertTrack(placeholder(trackId, defaultTrackName(mode, sent), mode));
    s.setProjectView({ trackId, overlays: { ...p.view.overlays, mask: true } });
    s.notify('info', `Running ${mode} on ${p.video.frameCount} frames…`);
  } catch (e) {
    s.notify('error', `Cannot start the run: ${message(e)}`);
  }
}

export async function cancelRun(): Promise<void> {
  const r = state().activeRun;
  if (r) await client.call('engine.cancel', { runId: r.runId }).catch((e: unknown) => state().notify('error', message(e)));
}

/** Subscribes to the run events; returns the unsubscribe function. */
export function followRuns(): () => void {
  const offProgress = client.on('engine.progress', (e) => {
    const s = state();
    if (s.project?.id !== e.projectId) return;
    s.setRunProgress(e.runId, { done: e.done, total: e.total, fps: e.fps, etaSec: e.etaSec }, e.trackId);
    const t = s.project.tracks.find((x) => x.id === e.trackId) ?? placeholder(e.trackId, e.trackId, 'engine');
    // Key-frame markers and the TC sparkline grow with each batch (the summary comes at the end).
    s.upsertTrack({ ...t, status: 'running', framesDone: e.done, ...(e.frames.length > 0 ? mergeRunFrames(t, e.frames) : {}) });
  });
  const offDone = client.on('engine.done', (e) => {
    const s = state();
    if (s.activeRun?.runId === e.runId) s.setActiveRun(null);
    if (s.project?.id !== e.projectId) return;
    if (e.track) s.upsertTrack(e.track);
    else s.setProject({ ...s.project, tracks: s.project.tracks.filter((t) => t.id !== e.trackId) });
    s.notify(e.status === 'failed' ? 'error' : 'info', `Run ${e.status}: ${e.message}`);
  });
  return () => {
    offProgress();
    offDone();
  };
}
