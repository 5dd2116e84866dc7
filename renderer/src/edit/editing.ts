/** The app's edit controller (the one store, the real backend). */
import { client } from '../client/bridge.ts';
import { outbox } from '../client/connection.ts';
import { appStore } from '../store/index.ts';
import { createEditController } from './edit-controller.ts';
import { fetchLabels, invalidateLabels } from '../client/resources.ts';

export const editing = createEditController(appStore, {
  call: (name, req) => client.call(name, req),
  fetchLabels: (projectId, trackId, index, raw) => fetchLabels(projectId, trackId, index, raw),
  apply: (dir, req) => outbox.enqueue(dir, req),
  settled: () => outbox.idle(),
  onLabelsSaved: (projectId, trackId, frames) => {
    invalidateLabels(projectId, trackId, frames);
    appStore.getState().bumpLabelsSaved();
  },
});
