/**
 * The app's connection and save state: the one Outbox every edit goes through, the link state
 * (connected, offline, unauthorized) mirrored into the store for the status bar and the
 * reconnect screen, and what a reconnection does: the open project is opened again (a restarted
 * host has nothing open; the project keeps its id because ids come from the folder), the project
 * state is refreshed and queued edits are sent.
 */
import { appStore } from '../store/index.ts';
import { client, link } from './bridge.ts';
import { isTransient } from './errors.ts';
import { Outbox } from './outbox.ts';
import { indexedDbOutboxStore } from './outbox-store.ts';

export const outbox = new Outbox({
  send: (req) => client.call('edit.apply', req),
  open: async (dir) => (await client.call('project.open', { dir })).id,
  transient: isTransient,
  store: indexedDbOutboxStore(),
  onState: (save) => appStore.getState().setSave(save),
});

/** Opens the shown project again after the link came back, keeping the page's view. */
async function reopenProject(): Promise<void> {
  const p = appStore.getState().project;
  if (!p) return;
  try {
    const state = await client.call('project.open', { dir: p.dir });
    const s = appStore.getState();
    if (s.project?.dir !== state.dir) return;
    s.setProject({ ...state, view: s.project.view });
    if (state.video && s.video?.id !== state.video.id) s.setVideo(state.video); // the restarted host numbered it anew
  } catch (e) {
    appStore.getState().notify('error', `Reconnected, but the project could not be opened again: ${e instanceof Error ? e.message : String(e)}`);
  }
}

export function startConnection(): () => void {
  let everConnected = link.state === 'connected';
  appStore.getState().setLink(link.state);
  void outbox.start();
  return link.on((state) => {
    appStore.getState().setLink(state);
    if (state !== 'connected') return;
    if (everConnected) void reopenProject().then(() => outbox.reconnected());
    else outbox.reconnected();
    if (everConnected) appStore.getState().retryFrames();
    everConnected = true;
  });
}
