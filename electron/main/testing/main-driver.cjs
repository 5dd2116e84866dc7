// Drives dist/electron/main.cjs under the electron stub (see electron-stub.cjs): the IPC
// handlers as the preload calls them and the vss-frame:// routes as the page fetches them.
// The clip path is the main process's command-line argument; VSS_HOME is a fresh folder.
'use strict';

const ok = (r) => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.res;
};

module.exports = async function drive(stub) {
  const out = {};
  const clip = process.argv[2];
  out.untrusted = await stub.invoke('app.info', {}, { sender: {}, senderFrame: { url: 'https://evil.example/' } });
  out.badArg = await stub.invoke('video.open', { path: 42 });
  const info = ok(await stub.invoke('app.info', {}));
  out.engine = info.engine;
  out.transport = info.transport;
  out.models = ok(await stub.invoke('models.list', {})).models.map((m) => m.name);

  // Events sent before the page has loaded wait for it (the argv path, an early open-file).
  stub.app.emit('open-file', { preventDefault() {} }, '/early/open-file.mp4');
  await new Promise((r) => setTimeout(r, 50));
  out.sentBeforeLoad = stub.sent.filter((s) => s.channel === 'vss:event').length;
  stub.windows[0].webContents.emit('did-finish-load');
  out.openPath = (await stub.waitEvent('app.openPath')).path;
  out.earlyOpenFile = (await stub.waitEvent('app.openPath', (e) => e.path === '/early/open-file.mp4')).path;
  stub.app.emit('open-file', { preventDefault() {} }, '/later/open-file.mp4');
  out.laterOpenFile = (await stub.waitEvent('app.openPath', (e) => e.path === '/later/open-file.mp4')).path;

  out.menu = stub.menu.map((m) => m.label || m.role);
  stub.clickMenu('Edit', 'Undo');
  out.undo = (await stub.waitEvent('app.command', (e) => e.command === 'undo')).command;
  stub.clickMenu('File', 'Export…');
  out.exportCommand = (await stub.waitEvent('app.command', (e) => e.command === 'export')).command;
  stub.clickMenu('Help', 'Licences');
  out.licencesUrl = stub.windows[1] && stub.windows[1].webContents.getURL();
  const notices = await stub.fetch(out.licencesUrl);
  out.licences = { status: notices.status, type: notices.headers.get('content-type'), text: (await notices.text()).slice(0, 80) };
  out.licencesSandboxed = !!(stub.windows[1] && stub.windows[1].options.webPreferences.sandbox && !stub.windows[1].options.webPreferences.preload);
  stub.clickMenu('Help', 'About VSS Studio');
  await new Promise((r) => setTimeout(r, 20));
  out.about = stub.messageBoxes.map((b) => b.detail);

  out.showMissing = await stub.invoke('app.showInFolder', { path: `${clip}.missing` });
  ok(await stub.invoke('app.showInFolder', { path: clip }));
  out.shownInFolder = stub.shownInFolder.slice();
  const video = ok(await stub.invoke('video.open', { path: clip }));
  out.recentDocuments = stub.recentDocuments.slice();
  const frame = await stub.fetch(`vss-frame://frames/${video.id}/3`);
  out.frame = {
    status: frame.status,
    index: frame.headers.get('x-frame-index'),
    bytes: (await frame.arrayBuffer()).byteLength,
    expected: video.width * video.height * 4,
    cors: frame.headers.get('access-control-allow-origin'),
    exposed: frame.headers.get('access-control-expose-headers'),
  };
  out.outOfRange = (await stub.fetch(`vss-frame://frames/${video.id}/${video.frameCount}`)).status;
  out.badPath = (await stub.fetch('vss-frame://frames/..%2F..%2Fetc/passwd')).status;
  out.post = (await stub.fetch(`vss-frame://frames/${video.id}/0`, { method: 'POST' })).status;

  const project = ok(await stub.invoke('project.forVideo', { videoPath: clip }));
  out.classes = project.classes.length;
  const { runId, trackId } = ok(await stub.invoke('engine.run', { projectId: project.id, model: 'test-tiny/split', mode: 'dff', settings: { keyInterval: 3 } }));
  const done = await stub.waitEvent('engine.done', (e) => e.runId === runId, 120000);
  out.run = { status: done.status, message: done.message, keyFrames: done.track && done.track.keyFrames, framesDone: done.track && done.track.framesDone };
  const progress = stub.sent.filter((s) => s.args[0] === 'engine.progress' && s.args[1].runId === runId).map((s) => s.args[1]);
  out.progressKeys = [...new Set(progress.flatMap((p) => p.frames.filter((f) => f.key).map((f) => f.index)))].sort((a, b) => a - b);

  const labels = await stub.fetch(`vss-frame://labels/${project.id}/${trackId}/0`);
  out.labels = { status: labels.status, bytes: (await labels.arrayBuffer()).byteLength, expected: video.width * video.height };
  const raw = await stub.fetch(`vss-frame://labels/${project.id}/${trackId}/0?raw=1`);
  out.rawLabels = raw.status;
  const conf = await stub.fetch(`vss-frame://confidence/${project.id}/${trackId}/1`);
  out.confidence = { status: conf.status, bytes: (await conf.arrayBuffer()).byteLength };
  const flow = await stub.fetch(`vss-frame://flow/${video.id}/1`);
  out.flow = { status: flow.status, width: Number(flow.headers.get('x-frame-width')) };
  out.tokenRefused = (await stub.fetch(`vss-frame://labels/${project.id}/${trackId}/0?token=x`)).status;

  const page = await stub.fetch('app://renderer/index.html');
  out.page = { status: page.status, csp: page.headers.get('content-security-policy') };
  out.otherHost = (await stub.fetch('app://evil/index.html')).status;
  return out;
};
