/**
 * The Matroska stream writer (mkv-stream.ts), read back by the bundled ffprobe: blocks come
 * out with the timestamps and keyframe flags written, cluster after cluster, and a timestamp
 * outside a block's 16-bit range is refused.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { buildFeed } from './feed-plan.ts';
import { mkvCluster, mkvHeader } from './mkv-stream.ts';
import { readCodecConfig } from './mp4-config.ts';
import { openVideoFile } from './open-video.ts';
import { runTool } from './run-tool.ts';
import { makeClip, makeTempDir } from './testing/make-clip.ts';

test('Matroska stream: ffprobe reads the blocks back with our timestamps and key flags', async () => {
  const dir = makeTempDir('vss-mkv-');
  try {
    const path = await makeClip({ name: 'c.mp4', dir, width: 64, height: 48, frames: 12, codecArgs: ['-c:v', 'libx264', '-preset', 'ultrafast', '-bf', '2', '-g', '6'] });
    const src = await openVideoFile(path);
    const cfg = await readCodecConfig(path, src.probe.streamIndex);
    assert.ok(cfg);
    const fh = await open(path, 'r');
    const feed = await buildFeed(fh, src.packets!, src.index, cfg, 11);
    await fh.close();
    assert.ok(feed && feed.fed.length >= 2 && feed.startIrap);
    const blocks = feed.fed.map((p, i) => ({ rel: 2 * i + (i === 1 ? 1 : 0), key: p.key, data: i === 0 ? Buffer.concat([cfg.paramSets, p.data]) : p.data }));
    const stream = Buffer.concat([mkvHeader('h264', 64, 48), mkvCluster(0, blocks), mkvCluster(5000, blocks)]);
    writeFileSync(join(dir, 's.mkv'), stream);
    const r = await runTool('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'packet=pts,flags', '-of', 'csv=p=0', join(dir, 's.mkv')]);
    const rows = r.stdout.trim().split('\n').map((l) => l.split(','));
    const expect = [0, 5000].flatMap((base) => blocks.map((b) => [String(base + b.rel), b.key ? 'K' : '_']));
    assert.deepEqual(rows.map(([pts, flags]) => [pts, flags![0]]), expect);
    assert.throws(() => mkvCluster(0, [{ rel: 40000, key: true, data: new Uint8Array(1) }]), /out of range/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
