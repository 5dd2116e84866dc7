/** Tells the backend where the playhead is (video.playhead) so it can prefetch; at most every 100 ms. */
import { client } from '../client/bridge.ts';
import { appStore } from '../store/index.ts';

export function startPlayheadHints(intervalMs = 100): () => void {
  let lastSent = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let direction: 1 | -1 | 0 = 0;
  const send = () => {
    timer = undefined;
    lastSent = performance.now();
    const { video, index } = appStore.getState();
    if (video) client.call('video.playhead', { videoId: video.id, index, direction }).catch(() => undefined);
  };
  return appStore.subscribe((s, prev) => {
    if (s.index === prev.index && s.video === prev.video) return;
    const d = s.index - prev.index;
    direction = s.playing || Math.abs(d) === 1 ? (Math.sign(d) as 1 | -1 | 0) : 0;
    if (timer) return;
    const wait = Math.max(0, intervalMs - (performance.now() - lastSent));
    timer = setTimeout(send, wait);
  });
}
