/**
 * Keeps the open project in step with the UI: a newly opened video opens its automatic project,
 * project.changed replaces the state, and view + playhead changes are sent with project.setView
 * (debounced and retried: view-saver.ts) so reopening restores them.
 */
import { client } from '../client/bridge.ts';
import { appStore } from '../store/index.ts';
import { adoptRetimedVideo, openProjectForVideo, refreshRecentProjects } from './project-actions.ts';
import { viewKey, viewToSave } from './view-state.ts';
import { ViewSaver } from './view-saver.ts';

export function startProjectSync(): () => void {
  const offs: (() => void)[] = [];
  void refreshRecentProjects();
  offs.push(
    client.on('project.changed', ({ projectId, state }) => {
      const s = appStore.getState();
      if (s.project?.id !== projectId) return;
      s.setProject({ ...state, view: s.project.view });
      adoptRetimedVideo(state); // another page changed the frame rate
    }),
  );
  offs.push(
    appStore.subscribe((s, prev) => {
      if (!s.video || s.video === prev.video) return;
      if (s.project && s.project.videoPath === s.video.path) return;
      void openProjectForVideo(s.video.path);
    }),
  );
  const saver = new ViewSaver({
    key: () => viewKey(appStore.getState()),
    send: async () => {
      const s = appStore.getState();
      const view = viewToSave(s);
      if (!view || !s.project || !s.video || s.project.videoMissing) return false;
      await client.call('project.setView', { projectId: s.project.id, view, playhead: s.index });
      return true;
    },
  });
  offs.push(
    appStore.subscribe((s, prev) => {
      if (s.project?.id !== prev.project?.id) {
        saver.loaded(); // a freshly loaded project is already saved
        s.resetClassSteps(); // the class editor's undo history belongs to one project
        return;
      }
      if (s.project === prev.project && s.viewMode === prev.viewMode && s.manualView === prev.manualView && s.index === prev.index) return;
      saver.changed();
    }),
  );
  // A video already open at start-up (vss serve <path>) gets its project too.
  const v = appStore.getState().video;
  if (v && !appStore.getState().project) void openProjectForVideo(v.path);
  return () => {
    saver.cancel();
    for (const off of offs) off();
  };
}
